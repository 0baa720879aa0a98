// The Markdown preview's part of the publishing code, as one module: the desktop extension loads it from
// dist/preview.js when VS Code's preview first asks for markdown-it plugins (the startup bundle stays small).
export { markdownItReferences } from './markdownItReferences';
export { planReferenceLinks } from './referenceLinks';
