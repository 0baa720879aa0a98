/** dist/fuse.js: fuse.js on its own, required by fuseOnFirstUse.ts on the desktop extension's first fuzzy search. */
export { default } from 'fuse.js';
