import { FuzzySearch } from '../search/fuzzySearch';
import { normalizeKey } from '../search/normalize';

/** The lookup key of a name: normalised, and without the spaces between ideographs (a PDF's 先總統  蔣公). */
function lawKey(name: string): string {
  const key = normalizeKey(name);
  return key.includes(' ') ? key.replace(/(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '') : key;
}
import type { LawEntry, LawNameHit, LawNameLookup } from './lawTypes';
export { PCODE, type LawEntry } from './lawTypes';
import { deriveShortNames } from './derivedNames';
import type { LawRenames } from './lawRenames';

/** Entries per step of a sliced build (`LawIndex.buildSliced`): about a millisecond's work each. */
const STEP_ENTRIES = 500;

/** One law of index.json, with the short names it is known by. */

export interface LawSuggestion {
  readonly pcode: string;
  readonly name: string;
  readonly score: number;
}

/** PCodes become file names: letters, digits, _ and - only, so a hostile index cannot name ../../x. */

/**
 * Our short-name rules, beyond aliases.json; a short form is added only when no law has it as its name,
 * alias or another short form (ambiguous forms are dropped for every law):
 * 1. A name starting with 中華民國 is also known without it (中華民國刑法 → 刑法).
 * 2. 臺 is also written 台 (臺灣地區與大陸地區人民關係條例 → 台灣地區與大陸地區人民關係條例), in the name and the
 *    short forms of rule 1.
 * 3. A name ending in a parenthesised version note (總統副總統選舉罷免法（新 84.08.09 制定）) is also known by the
 *    name without it, given to the most recently amended of the versions sharing it (rules 1 and 2 do not
 *    apply to such names).
 */
export const SHORT_NAME_RULES = ['strip 中華民國', '臺 → 台', 'version note → newest version'] as const;

const VERSION_NOTE = /^(.{2,}?)[（(][^（）()]*[）)]$/;

function shortFormsOf(name: string): string[] {
  // Most names need no work: neither rule applies.
  const republic = name.startsWith('中華民國');
  if ((!republic && !name.includes('臺')) || /[)）]$/.test(name)) return [];
  const forms: string[] = [];
  if (republic && name.length >= 6) forms.push(name.slice(4));
  for (const form of [name, ...forms]) if (form.includes('臺')) forms.push(form.replaceAll('臺', '台'));
  return forms;
}

/** The names of every law: exact lookup (after normalisation) for the detector, fuzzy search for suggestions. */
export class LawIndex implements LawNameLookup {
  readonly #entries = new Map<string, LawEntry>();
  readonly #byKey = new Map<string, LawNameHit>();
  readonly #continuing = new Map<string, string[]>();
  #fuzzy: FuzzySearch | undefined;
  maxNameLength = 0;

  /** Derived short names two or more laws produce: resolved only when the document cites one of them. */
  readonly #ambiguous = new Map<string, readonly string[]>();
  derivedCount = 0;
  /** How long renames and derived names took to build (the cold-load cost they add). */
  derivedMs = 0;

  /** The build's steps when it runs in slices (`buildSliced`); drained at once by the constructor otherwise. */
  #steps: Generator<void> | undefined;

  constructor(entries: Iterable<Omit<LawEntry, 'shortNames'>>, renames?: LawRenames, sliced = false) {
    this.#steps = this.#build(entries, renames);
    if (!sliced) this.#drain();
  }

  /**
   * The same index, built in steps with `pause()` between them: in the extension host the 11,547 names and their
   * derived short names were one stall of 0.3 s on a quiet machine and 2 s on a busy one, which held back
   * everything else (the first hover request of a window waited for it).
   */
  static async buildSliced(entries: Iterable<Omit<LawEntry, 'shortNames'>>, renames: LawRenames | undefined, pause: () => Promise<void>): Promise<LawIndex> {
    const index = new LawIndex(entries, renames, true);
    while (index.#steps && !index.#steps.next().done) await pause();
    index.#steps = undefined;
    return index;
  }

  #drain(): void {
    while (this.#steps && !this.#steps.next().done);
    this.#steps = undefined;
  }

  *#build(entries: Iterable<Omit<LawEntry, 'shortNames'>>, renames?: LawRenames): Generator<void> {
    const noShortNames: readonly string[] = [];
    const candidates: Array<{ pcode: string; forms: string[] }> = [];
    let count = 0;
    for (const entry of entries) {
      if (++count % STEP_ENTRIES === 0) yield;
      // Object.assign, not `{ ...entry, shortNames }`: a spread followed by a property it lacks is V8's slow path
      // (about 3 µs an object here, 11,547 times per load; see docs/DEVELOPMENT.md#bench).
      const stored: LawEntry = Object.assign({}, entry, { shortNames: noShortNames });
      this.#entries.set(entry.pcode, stored);
      this.#add(entry.name, { pcode: entry.pcode, match: 'name' });
      const forms = shortFormsOf(entry.name);
      if (forms.length > 0) candidates.push({ pcode: entry.pcode, forms });
    }
    yield;
    for (const entry of this.#entries.values()) for (const alias of entry.aliases) this.#add(alias, { pcode: entry.pcode, match: 'alias' }, false);
    yield;
    // Short forms: only those exactly one law produces and nothing else already means.
    const owners = new Map<string, Set<string>>();
    for (const { pcode, forms } of candidates) {
      for (const form of forms) {
        const key = lawKey(form);
        if (this.#byKey.has(key)) continue;
        owners.set(key, (owners.get(key) ?? new Set<string>()).add(pcode));
      }
    }
    // Version notes: the base name goes to the newest version (the one amended last).
    const versions = new Map<string, { base: string; entry: LawEntry }>();
    for (const entry of this.#entries.values()) {
      const base = VERSION_NOTE.exec(entry.name)?.[1]?.trim();
      if (!base || this.#byKey.has(lawKey(base))) continue;
      const current = versions.get(base);
      if (!current || (entry.lastUpdate ?? '') > (current.entry.lastUpdate ?? '')) versions.set(base, { base, entry });
    }
    for (const { pcode, forms } of candidates) {
      const unique = forms.filter((form) => owners.get(lawKey(form))?.size === 1);
      if (unique.length > 0) this.#addShortNames(pcode, unique);
    }
    const sharedShortForms = new Set([...owners].filter(([, pcodes]) => pcodes.size > 1).map(([key]) => key));
    for (const { base, entry } of versions.values()) this.#addShortNames(entry.pcode, [base]);
    yield;
    const derivedStarted = Date.now();
    if (renames) this.#addRenames(renames);
    yield;
    yield* this.#addDerivedNames(sharedShortForms);
    this.derivedMs = Date.now() - derivedStarted;
  }

  /** Old names lead to today's law, with a note saying when the name changed or which law replaced it. */
  #addRenames(renames: LawRenames): void {
    for (const renamed of renames.renamed) {
      const known = this.#byKey.get(lawKey(renamed.old));
      // An alias that is an old name of the same law (性別工作平等法) gets the note too.
      if (!this.#entries.has(renamed.pcode) || (known && (known.pcode !== renamed.pcode || known.match === 'name'))) continue;
      this.#add(renamed.old, { pcode: renamed.pcode, match: 'renamed', note: { kind: 'renamed', oldName: renamed.old, date: renamed.date } });
    }
    for (const replaced of renames.replaced) {
      const key = lawKey(replaced.old);
      if (!this.#entries.has(replaced.pcode) || this.#byKey.get(key)?.pcode !== replaced.oldPcode) continue;
      this.#byKey.set(key, { pcode: replaced.pcode, match: 'renamed', note: { kind: 'replaced', oldName: replaced.old, date: replaced.date, oldPcode: replaced.oldPcode } });
    }
  }

  /** Derived short names: kept for the one law that produces them; those of several laws are kept apart. */
  *#addDerivedNames(sharedShortForms: ReadonlySet<string>): Generator<void> {
    // One owner (a PCode) per form, or the list of every law that yields it.
    const owners = new Map<string, { form: string; pcodes: string | string[] }>();
    let count = 0;
    for (const entry of this.#entries.values()) {
      if (++count % STEP_ENTRIES === 0) yield;
      // Only names of laws (法, 條例) are shortened: most of the 11,547 names are regulations.
      if (!entry.name.endsWith('法') && !entry.name.endsWith('條例')) continue;
      for (const { form } of deriveShortNames(entry.name)) {
        const key = lawKey(form);
        if (this.#byKey.has(key) || sharedShortForms.has(key)) continue;
        const owner = owners.get(key);
        if (!owner) owners.set(key, { form, pcodes: entry.pcode });
        else if (typeof owner.pcodes === 'string') owner.pcodes = owner.pcodes === entry.pcode ? owner.pcodes : [owner.pcodes, entry.pcode];
        else if (!owner.pcodes.includes(entry.pcode)) owner.pcodes.push(entry.pcode);
      }
    }
    for (const [key, { form, pcodes }] of owners) {
      if (typeof pcodes === 'string') {
        const entry = this.#entries.get(pcodes)! as { derivedNames?: string[] };
        (entry.derivedNames ??= []).push(form);
        this.#add(form, { pcode: pcodes, match: 'derived' });
        this.derivedCount++;
      } else {
        this.#ambiguous.set(key, pcodes);
        this.maxNameLength = Math.max(this.maxNameLength, form.length);
      }
    }
  }

  /** The laws a derived short name may mean when several laws produce it (稅法 of which?). */
  ambiguous(name: string): readonly string[] | undefined {
    return this.#ambiguous.get(lawKey(name));
  }

  get ambiguousCount(): number {
    return this.#ambiguous.size;
  }

  #addShortNames(pcode: string, forms: string[]): void {
    const entry = this.#entries.get(pcode)!;
    this.#entries.set(pcode, { ...entry, shortNames: [...entry.shortNames, ...forms] });
    for (const form of forms) this.#add(form, { pcode, match: 'short' });
  }

  /** `replace`: whether a name already known is taken over (an official name is never replaced by an alias). */
  #add(name: string, hit: LawNameHit, replace = true): void {
    const key = lawKey(name);
    if (!key || (!replace && this.#byKey.has(key))) return;
    this.#byKey.set(key, hit);
    this.maxNameLength = Math.max(this.maxNameLength, name.length);
    const article = name.indexOf('第');
    if (article >= 2) {
      const prefix = name.slice(0, article);
      this.#continuing.set(prefix, [...(this.#continuing.get(prefix) ?? []), name]);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  get(pcode: string): LawEntry | undefined {
    return this.#entries.get(pcode);
  }

  entries(): IterableIterator<LawEntry> {
    return this.#entries.values();
  }

  nameOf(pcode: string): string | undefined {
    return this.#entries.get(pcode)?.name;
  }

  /** find() and ambiguous() with one normalisation: the detector tries many substrings. */
  lookup(name: string): { readonly hit?: LawNameHit; readonly candidates?: readonly string[] } | undefined {
    const key = lawKey(name);
    const hit = this.#byKey.get(key);
    if (hit) return { hit };
    const candidates = this.#ambiguous.size > 0 ? this.#ambiguous.get(key) : undefined;
    return candidates ? { candidates } : undefined;
  }

  find(name: string): LawNameHit | undefined {
    return this.#byKey.get(lawKey(name));
  }

  namesContinuing(prefix: string): readonly string[] {
    return this.#continuing.get(prefix) ?? [];
  }

  /** Known laws whose names are nearest to `name` (個人資料保謢法 → 個人資料保護法). Built on first use. */
  suggest(name: string, limit = 3): LawSuggestion[] {
    if (!this.#fuzzy) {
      this.#fuzzy = new FuzzySearch();
      for (const entry of this.#entries.values()) this.#fuzzy.add(entry.pcode, entry.name, [...entry.aliases, ...entry.shortNames]);
    }
    return this.#fuzzy
      .search(name, limit)
      .filter((hit) => hit.score >= 0.5)
      .map((hit) => ({ pcode: hit.id, name: this.#entries.get(hit.id)!.name, score: hit.score }));
  }
}
