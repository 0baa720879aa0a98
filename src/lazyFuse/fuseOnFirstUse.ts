import path from 'node:path';
import type FuseClass from 'fuse.js';

/**
 * Stands in for fuse.js in the desktop extension's startup bundle (esbuild.mjs resolves `fuse.js` here for
 * dist/extension.js only): fuse.js is 26 KB minified and only a fuzzy corpus search constructs it, so
 * dist/fuse.js is required on that first search instead of at startup. Constructing this returns a real Fuse
 * instance (a constructor that returns an object yields that object), so callers see fuse.js itself.
 */
let loaded: typeof FuseClass | undefined;

function fuse(): typeof FuseClass {
  // A path esbuild cannot follow, so fuse.js stays out of dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require(path.join(__dirname, 'fuse.js')) as { default: typeof FuseClass }).default;
  return loaded;
}

function FuseOnFirstUse(...args: ConstructorParameters<typeof FuseClass>): InstanceType<typeof FuseClass> {
  const Fuse = fuse();
  return new Fuse(...args);
}

export default FuseOnFirstUse as unknown as typeof FuseClass;
