import * as PreviewApi from '../core/publish/api';

export type Preview = typeof PreviewApi;

/** The web extension host loads one file: the preview plugin is bundled into it. */
export function loadPreview(_extensionPath: string): Preview {
  return PreviewApi;
}
