import path from 'node:path';

/**
 * The export `name` of dist/<file>, a bundle of its own beside the one running (the desktop extension's or the
 * CLI's): heavy parts are required this way on first use, so startup never loads them. A promise, so a file
 * that is missing or throws becomes a rejection the caller reports. The web build replaces each caller's
 * module (a web worker cannot require a file).
 */
export function requireBundle<T>(file: string, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the bundle's code stays out of the bundle that requires it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exports = require(path.join(__dirname, file)) as Record<string, unknown>;
      if (!(name in exports)) throw new Error(`${file} has no export ${name}`);
      resolve(exports[name] as T);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
