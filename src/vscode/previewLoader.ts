import path from 'node:path';
import type * as PreviewApi from '../core/publish/api';

export type Preview = typeof PreviewApi;

let loaded: Preview | undefined;

/** The preview's markdown-it plugin, from dist/preview.js beside the extension's bundle, loaded when VS Code's preview first asks for it (the web build bundles it). */
export function loadPreview(extensionPath: string): Preview {
  // A plain require of the extension's own file: esbuild leaves it to run time, so the code is not in the startup bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(extensionPath, 'dist', 'preview.js')) as Preview;
  return loaded;
}
