// esbuild's text loader turns these imports into strings (see esbuild.mjs).
declare module '*.md' {
  const text: string;
  export default text;
}

// CSL styles shipped as text (src/citationStyles/house.csl).
declare module '*.csl' {
  const text: string;
  export default text;
}
