import { createCrossStraitConverter } from '../../src/crossStrait/bundled';
import type { CorpusIndex } from '../../src/core/search/corpusIndex';
import { mentionVariants } from '../../src/mentionVariants/bundled';

/** The evaluation matches as the desktop extension does (full tables, fuzzy pass), loaded up front. */
export function attachCrossStrait(index: CorpusIndex): void {
  index.setCrossStrait(createCrossStraitConverter());
  index.setMentionVariants(mentionVariants);
}
