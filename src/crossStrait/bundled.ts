// Simplified → traditional with Taiwan phrases (OpenCC cn → twp), for dist/crossStrait.js: the desktop
// extension and the CLI require it on the first article with simplified characters or mainland terms.
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import type { CrossStraitConverter } from '../core/search/crossStrait';
import { MIXED_FORMS } from './mixedForms';
import { createConverter } from './tables';

/** OpenCC's chain: from cn (phrases, then characters, one stage), to twp (Taiwan phrases; Taiwan variants). */
export function createCrossStraitConverter(): CrossStraitConverter {
  return createConverter([[MIXED_FORMS, STPhrases, STCharacters], [TWPhrases], [TWVariantsPhrases, TWVariants]], STCharacters, TSCharacters);
}
