// esbuild's text loader turns these imports into strings (see esbuild.mjs).
declare module '*.md' {
  const text: string;
  export default text;
}
