/** dist/yaml.js: the `yaml` package on its own, required by yamlOnFirstUse.ts when the desktop extension first reads YAML. */
export { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
