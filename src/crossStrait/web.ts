// The web build's converter (esbuild.mjs resolves lazy.ts to this file): a web worker cannot require a file,
// and STPhrases alone is 1 MB, so the browser converts characters and Taiwan phrases only (人工智能 →
// 人工智慧, 网络 → 網路, 发 → 發); phrases whose characters convert one way only in context (后 → 後) are missed.
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import type { CrossStraitConverter } from '../core/search/crossStrait';
import { MIXED_FORMS } from './mixedForms';
import { createConverter } from './tables';

export function loadCrossStrait(): Promise<CrossStraitConverter> {
  return Promise.resolve(createConverter([[MIXED_FORMS, STCharacters], [TWPhrases], [TWVariantsPhrases, TWVariants]], STCharacters, TSCharacters));
}
