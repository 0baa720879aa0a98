import * as LawsApi from '../core/law/api';

export type Laws = typeof LawsApi;

/** The web extension host loads one file: the law layer is bundled into it. */
export function loadLaws(_extensionPath: string): Laws {
  return LawsApi;
}
