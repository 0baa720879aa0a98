import type { FuzzyHit } from '../search/fuzzySearch';
import { detached } from '../util/text';
import type { CitationLine } from './article';
import type { MarkdownLink } from './links';

export type MatchKind = 'key' | 'url' | 'alias' | 'fuzzy';

/** What a link or citation resolves to (see resolve.ts): a record, records that fit equally well, or none. */
export interface Resolution {
  readonly id?: string;
  readonly score: number;
  readonly match?: MatchKind;
  readonly candidates?: readonly string[];
}

/** Whether a weak alias may name record `id` in this article (see src/core/search/weakAliases.ts). */
export type WeakPolicy = (id: string) => boolean;

/** A resolution and the weak-alias answers it was computed under, in the order the computation asked. */
interface Variant {
  readonly resolution: Resolution;
  readonly asked: ReadonlyArray<readonly [string, boolean]>;
}

/** What the index gives for one name: exact ids, and the fuzzy hits once asked (both pure while the corpus stays). */
export type NameLookups = Map<string, { readonly exact: readonly string[]; hits?: readonly FuzzyHit[] }>;

/**
 * Resolutions of links and citations by their text, kept across analyses of one document while the corpus is
 * unchanged, each with the weak-alias answers it was computed under: it is reused when the policy gives the same
 * answers for those ids (then the computation would take the same path to the same result).
 *
 * Looked up on every keystroke for every link and citation of the article, so by the strings the parse already
 * made (a link's form, destination and text in nested maps), not by a key string built per lookup: the engine
 * keeps each string's hash, and a built key would be copied and hashed each time. The strings kept as keys are
 * copies (see detached): a slice would keep alive the whole version of the document it was cut from.
 */
export class ResolutionMemo {
  /** By form, destination, then text. */
  readonly #links = new Map<string, Map<string, Map<string, readonly Variant[]>>>();
  /** By the citation line's text. */
  readonly #citations = new Map<string, readonly Variant[]>();
  #size = 0;
  /**
   * The exact lookup and the fuzzy search of each name, by name: typing in a link's text changes the whole text
   * and one of its comma-separated parts, so the other parts are found here instead of searched again.
   */
  readonly names: NameLookups = new Map();

  /** How many link and citation texts have resolutions kept. */
  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#links.clear();
    this.#citations.clear();
    this.#size = 0;
    this.names.clear();
  }

  /** The link's resolution under `weakOk`, from the memo or computed by `compute` and kept. */
  link(link: MarkdownLink, weakOk: WeakPolicy, compute: (link: MarkdownLink, weakOk: WeakPolicy) => Resolution): Resolution {
    let byDestination = this.#links.get(link.form);
    if (!byDestination) this.#links.set(link.form, (byDestination = new Map()));
    let byText = byDestination.get(link.destination);
    if (!byText) byDestination.set(detached(link.destination), (byText = new Map()));
    return this.#memoized(byText, link.text, link, weakOk, compute);
  }

  citation(citation: CitationLine, weakOk: WeakPolicy, compute: (citation: CitationLine, weakOk: WeakPolicy) => Resolution): Resolution {
    return this.#memoized(this.#citations, citation.text, citation, weakOk, compute);
  }

  /** `compute` takes what it resolves as an argument: no function made per link and keystroke when the memo has it. */
  #memoized<T>(table: Map<string, readonly Variant[]>, key: string, subject: T, weakOk: WeakPolicy, compute: (subject: T, weakOk: WeakPolicy) => Resolution): Resolution {
    const known = table.get(key);
    // Asked again in the same order, as the computation would ask (the strong-only policy notes that it was asked);
    // each variant's questions up to its first different answer are ones the computation would ask too.
    if (known) for (let at = 0; at < known.length; at++) if (answersAgree(known[at]!.asked, weakOk)) return known[at]!.resolution;
    const asked: Array<[string, boolean]> = [];
    const resolution = compute(subject, (id) => {
      const answer = weakOk(id);
      asked.push([id, answer]);
      return answer;
    });
    // The two passes of resolveWithCandidates (strong names only, then weak ones where supported) may ask with
    // different answers: both variants are kept, or every keystroke would compute each twice. A key already in
    // the map stays the map's own copy.
    if (known) table.set(key, [...known.slice(-(MEMO_VARIANTS - 1)), { resolution, asked }]);
    else {
      table.set(detached(key), [{ resolution, asked }]);
      this.#size++;
    }
    return resolution;
  }
}

function answersAgree(asked: ReadonlyArray<readonly [string, boolean]>, weakOk: WeakPolicy): boolean {
  // By index: this runs for every link and citation on every keystroke (no iterator, no destructured pair).
  for (let at = 0; at < asked.length; at++) if (weakOk(asked[at]![0]) !== asked[at]![1]) return false;
  return true;
}

const MEMO_VARIANTS = 2;
