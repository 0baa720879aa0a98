import path from 'node:path';
import type * as Yaml from 'yaml';

/**
 * Stands in for `yaml` in the desktop extension's startup bundle (esbuild.mjs resolves `yaml` here for
 * dist/extension.js only): the YAML library is about 98 KB minified, a third of the startup bundle, and only
 * reading a corpus record, a taxonomy or front matter needs it, so dist/yaml.js is required then instead of at
 * startup. Each export forwards to the real one; `new LineCounter()` returns a real LineCounter (a constructor
 * that returns an object yields that object), and the `is…` guards read yaml's global symbols, so nodes from any
 * copy of the library are recognised.
 */
type YamlModule = Pick<typeof Yaml, 'isMap' | 'isScalar' | 'isSeq' | 'LineCounter' | 'parseDocument' | 'stringify'>;
let loaded: YamlModule | undefined;

function yaml(): YamlModule {
  // A path esbuild cannot follow, so the library stays out of dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'yaml.js')) as YamlModule;
  return loaded;
}

export const parseDocument: typeof Yaml.parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const stringify: typeof Yaml.stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
export const isMap: typeof Yaml.isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq: typeof Yaml.isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar: typeof Yaml.isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;

function LineCounterOnFirstUse(): Yaml.LineCounter {
  return new (yaml().LineCounter)();
}
export const LineCounter = LineCounterOnFirstUse as unknown as typeof Yaml.LineCounter;
