import type { CorpusRecord } from '../corpus/record';
import { parseIsoDate } from '../util/dates';
import type { CorpusIndex, RecordChangeKind } from './corpusIndex';
import { normalizeKey } from './normalize';

/** One completion candidate: a record, its score (higher first) and the field that matched best. */
export interface CitationCandidate {
  readonly record: CorpusRecord;
  readonly score: number;
  /** The title or alias the first term matched (for the replacement range), when a name matched. */
  readonly name?: string;
  readonly field: CitationField;
}

export type CitationField = 'name' | 'id' | 'publisher' | 'date' | 'tags';

/**
 * Field weights: a term matching a title or alias counts most; then the id (a typed citation key), the
 * publisher or author, the date (Gregorian or ROC year), the tags.
 */
export const FIELD_WEIGHTS: Readonly<Record<CitationField, number>> = { name: 1, id: 0.9, publisher: 0.6, date: 0.5, tags: 0.4 };

/** How many records each retrieval (id prefix, fuzzy search per term) hands to the ranking. */
const RETRIEVE = 40;
/** How many records one publisher, tag or year value hands to the ranking (many records share one). */
const RETRIEVE_BY_FIELD = 100;
/** How many distinct publisher or tag values a term may match. */
const FIELD_VALUES = 8;
/** A term whose prefix searches find this many records needs no fuzzy search. */
const ENOUGH_BY_PREFIX = 10;
/** A typo-tolerant name match needs at least half the term's grams (CJK bigrams, Latin trigrams). */
const MIN_GRAM_SHARE = 0.5;
/** How many index entries one term's typo-tolerant lookup may walk: the rarest grams decide, common ones are skipped. */
const MAX_POSTINGS = 4_000;
const NO_HITS: ReadonlyMap<string, number> = new Map();
/** Separates a sort key from its id in the sorted lists (below every character a name or id can hold). */
const SEPARATOR = '\u0000';
const MAX_QUERY = 200;
const MAX_TERMS = 6;

/**
 * Ranks corpus records for citation completion without scanning the corpus: candidates come from the
 * index (exact names, the gram-indexed fuzzy search per term, and a sorted list of ids for key prefixes);
 * each candidate is then scored field by field. Every space-separated term must match some field.
 */
export class CitationCompleter {
  #fields: FieldIndex | undefined;

  constructor(private readonly index: CorpusIndex) {}

  complete(query: string, limit = 50): CitationCandidate[] {
    const normalized = normalizeKey(query.slice(0, MAX_QUERY));
    if (!normalized) return [];
    const terms = [...new Set(normalized.split(' ').filter((term) => term !== ''))].slice(0, MAX_TERMS);
    const fields = this.#fieldIndex();
    const candidates = new Set<string>();
    // Per term: names and ids starting with it (binary searches); the typo-tolerant fuzzy search only when
    // those found few (a short prefix finds many at once and needs no fuzzy search).
    const byValue = terms.map((term) => fields.idsByValue(term));
    const fuzzyByTerm = terms.map((term, position) => {
      const before = candidates.size;
      for (const id of fields.namesWithPrefix(term, RETRIEVE)) candidates.add(id);
      for (const id of fields.idsWithPrefix(term, RETRIEVE)) candidates.add(id);
      if (candidates.size - before >= ENOUGH_BY_PREFIX || [...term].length < 2) return NO_HITS;
      // In a query of several terms, one naming a publisher, tag or year is not a misspelt name.
      if (terms.length > 1 && byValue[position]!.length > 0) return NO_HITS;
      const hits = new Map(this.index.gramMatches(term, RETRIEVE, MAX_POSTINGS).filter((hit) => hit.score >= MIN_GRAM_SHARE).map((hit) => [hit.id, hit.score]));
      for (const id of hits.keys()) candidates.add(id);
      return hits;
    });
    // A title with spaces in it, typed with its spaces.
    if (terms.length > 1) for (const id of fields.namesWithPrefix(normalized, RETRIEVE)) candidates.add(id);
    // Publisher, author, tag and year values: the most selective term's records (all terms must match anyway).
    // Only for several terms or when names found few: a publisher's thousand records are no answer to 數.
    if (terms.length > 1 || candidates.size < ENOUGH_BY_PREFIX) {
      const byField = byValue.filter((ids) => ids.length > 0);
      const fewest = byField.sort((a, b) => a.length - b.length)[0];
      if (fewest) for (const id of fewest.slice(0, RETRIEVE_BY_FIELD)) candidates.add(id);
    }

    const ranked: CitationCandidate[] = [];
    for (const id of candidates) {
      const record = this.index.get(id);
      if (!record) continue;
      const scored = scoreRecord(record, fields.normalized(record), terms, fuzzyByTerm);
      if (scored) ranked.push({ record, ...scored });
    }
    ranked.sort((a, b) => b.score - a.score || a.record.title.length - b.record.title.length || compare(a.record.id, b.record.id));
    return ranked.slice(0, limit);
  }

  /**
   * Kept in step with the index: after a corpus change, the changed records' entries are taken out and put
   * back (the index's change journal says which); rebuilt only when the changes are many or no longer known.
   */
  #fieldIndex(): FieldIndex {
    const fields = this.#fields;
    if (fields?.generation === this.index.generation) return fields;
    const changes = fields ? this.index.changesSince(fields.generation) : undefined;
    if (fields && changes && new Set(changes.map((change) => change.id)).size <= MAX_INCREMENTAL_CHANGES) fields.update(this.index, changes);
    else this.#fields = new FieldIndex(this.index);
    return this.#fields!;
  }
}

/** Beyond this many changed records a rebuild is cheaper than taking entries out of and into sorted lists one by one. */
const MAX_INCREMENTAL_CHANGES = 256;

/**
 * What the corpus index does not hold: ids sorted for prefix search, and the records of each publisher,
 * author, tag and year, with a gram index over the distinct values (not the records) for typo-tolerant lookup.
 * Lists of records are in the index's records() order (a rebuild's order), kept by a sequence number per record.
 */
class FieldIndex {
  #generation: number;
  /** `lowercase id + SEPARATOR + id`, sorted. */
  readonly #ids: string[];
  /** `normalised title or alias + SEPARATOR + id`, sorted. */
  readonly #names: string[];
  readonly #idsByValue = new Map<string, string[]>();
  /** Distinct publisher, author and tag values, normalised and sorted. */
  #values: string[] = [];
  /** The record each id was indexed from, and its place in records()'s order. */
  readonly #indexed = new Map<string, { readonly record: CorpusRecord; readonly order: number }>();
  #nextOrder = 0;

  constructor(index: CorpusIndex) {
    this.#generation = index.generation;
    const ids: string[] = [];
    const names: string[] = [];
    for (const record of index.records()) {
      this.#indexed.set(record.id, { record, order: this.#nextOrder++ });
      ids.push(idEntry(record));
      for (const name of nameEntries(record)) names.push(name);
      for (const value of fieldValues(record)) this.#append(value, record.id);
      for (const key of dateKeys(record.date)) {
        const list = this.#idsByValue.get(dateValue(key));
        if (list) list.push(record.id);
        else this.#idsByValue.set(dateValue(key), [record.id]);
      }
    }
    this.#values = [...this.#idsByValue.keys()].filter((value) => !value.startsWith(DATE_PREFIX)).sort();
    // The default sort compares UTF-16 code units natively: the fastest way to sort 100k+ strings.
    this.#ids = ids.sort();
    this.#names = names.sort();
  }

  get generation(): number {
    return this.#generation;
  }

  #append(value: string, id: string): void {
    const list = this.#idsByValue.get(value);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else {
      this.#idsByValue.set(value, [id]);
    }
  }

  /** Applies the index's changes since this index's generation (see CorpusIndex.changesSince). */
  update(index: CorpusIndex, changes: ReadonlyArray<{ readonly id: string; readonly kind: RecordChangeKind }>): void {
    // Net effect per record: its entries out, then, if it still exists, in again; at the end of the order if
    // it was added (a new record, or replaced with other names) in between, else where it was.
    const lastAdded = new Map<string, number>();
    changes.forEach((change, position) => {
      if (change.kind === 'added') lastAdded.set(change.id, position);
    });
    const changed = [...new Set(changes.map((change) => change.id))];
    const orders = new Map<string, number>();
    for (const id of changed) {
      const before = this.#indexed.get(id);
      if (before && !lastAdded.has(id)) orders.set(id, before.order);
      if (before) this.#remove(before.record);
      this.#normalized.delete(id);
    }
    for (const [id] of [...lastAdded].sort((a, b) => a[1] - b[1])) orders.set(id, this.#nextOrder++);
    for (const id of changed) {
      const record = index.get(id);
      const order = orders.get(id);
      if (record && order !== undefined) this.#insert(record, order);
    }
    this.#generation = index.generation;
  }

  #remove(record: CorpusRecord): void {
    const order = this.#indexed.get(record.id)!.order;
    removeSorted(this.#ids, idEntry(record));
    for (const name of nameEntries(record)) removeSorted(this.#names, name);
    const outOfList = (value: string) => {
      const list = this.#idsByValue.get(value);
      if (!list) return;
      const at = this.#positionIn(list, order);
      // A year list may hold a record twice (a date of only a year gives that key twice): take out every copy.
      let end = at;
      while (end < list.length && list[end] === record.id) end++;
      list.splice(at, end - at);
      if (list.length > 0) return;
      this.#idsByValue.delete(value);
      if (!value.startsWith(DATE_PREFIX)) removeSorted(this.#values, value);
    };
    for (const value of new Set(fieldValues(record))) outOfList(value);
    for (const key of new Set(dateKeys(record.date))) outOfList(dateValue(key));
    this.#indexed.delete(record.id);
  }

  #insert(record: CorpusRecord, order: number): void {
    this.#indexed.set(record.id, { record, order });
    insertSorted(this.#ids, idEntry(record));
    for (const name of nameEntries(record)) insertSorted(this.#names, name);
    const intoList = (value: string) => {
      const list = this.#idsByValue.get(value);
      if (!list) {
        this.#idsByValue.set(value, [record.id]);
        if (!value.startsWith(DATE_PREFIX)) insertSorted(this.#values, value);
        return;
      }
      const at = this.#positionIn(list, order);
      // One entry per record in a value's list (as a rebuild makes them); a year list takes each copy.
      if (value.startsWith(DATE_PREFIX) || list[at] !== record.id) list.splice(at, 0, record.id);
    };
    for (const value of fieldValues(record)) intoList(value);
    for (const key of dateKeys(record.date)) intoList(dateValue(key));
  }

  /** Where a record of this order is (or goes) in a list kept in records() order. */
  #positionIn(list: readonly string[], order: number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#indexed.get(list[middle]!)!.order < order) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Filled as records are ranked: a keystroke normalises only records no earlier keystroke ranked. */
  readonly #normalized = new Map<string, NormalizedFields>();

  normalized(record: CorpusRecord): NormalizedFields {
    let fields = this.#normalized.get(record.id);
    if (!fields) {
      fields = normalizeFields(record);
      this.#normalized.set(record.id, fields);
    }
    return fields;
  }

  /** Ids starting with the prefix (case-insensitive), by binary search. */
  idsWithPrefix(prefix: string, limit: number): string[] {
    return withPrefix(this.#ids, prefix, limit);
  }

  /** Records with a title or alias starting with the (normalised) prefix, by binary search. */
  namesWithPrefix(prefix: string, limit: number): string[] {
    return withPrefix(this.#names, prefix, limit);
  }

  /** The records of the publisher, author or tag values starting with the term, or of a year. */
  idsByValue(term: string): readonly string[] {
    const year = this.#idsByValue.get(`${SEPARATOR}date:${term}`);
    if (year) return year;
    const values = this.#values;
    const low = lowerBound(values, term);
    const matched: string[] = [];
    for (let at = low; at < values.length && matched.length < FIELD_VALUES && values[at]!.startsWith(term); at++) matched.push(values[at]!);
    if (matched.length === 1) return this.#idsByValue.get(matched[0]!)!;
    return [...new Set(matched.flatMap((value) => this.#idsByValue.get(value)!.slice(0, RETRIEVE_BY_FIELD)))];
  }
}

const DATE_PREFIX = `${SEPARATOR}date:`;

function dateValue(key: string): string {
  return `${DATE_PREFIX}${key}`;
}

function idEntry(record: CorpusRecord): string {
  return `${record.id.toLowerCase()}${SEPARATOR}${record.id}`;
}

function nameEntries(record: CorpusRecord): string[] {
  return [record.title, ...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases].map((name) => `${normalizeKey(name)}${SEPARATOR}${record.id}`);
}

/** The publisher, author and tags, normalised (empty ones left out). */
function fieldValues(record: CorpusRecord): string[] {
  const values: string[] = [];
  for (const value of [record.publisher, record.author, ...record.tags]) if (value) values.push(normalizeKey(value));
  return values;
}

function insertSorted(sorted: string[], entry: string): void {
  sorted.splice(lowerBound(sorted, entry), 0, entry);
}

function removeSorted(sorted: string[], entry: string): void {
  const at = lowerBound(sorted, entry);
  if (sorted[at] === entry) sorted.splice(at, 1);
}

function lowerBound(sorted: readonly string[], entry: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < entry) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The ids of the entries (`key + SEPARATOR + id`, sorted) whose key starts with the prefix. */
function withPrefix(sorted: readonly string[], prefix: string, limit: number): string[] {
  const low = lowerBound(sorted, prefix);
  const found = new Set<string>();
  for (let at = low; at < sorted.length && found.size < limit && sorted[at]!.startsWith(prefix); at++) {
    const entry = sorted[at]!;
    found.add(entry.slice(entry.indexOf(SEPARATOR) + 1));
  }
  return [...found];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface FieldMatch {
  readonly score: number;
  readonly field: CitationField;
  readonly name?: string;
}

/** A substring match: a whole field or its start counts more than a match inside it. */
function substringScore(field: string, term: string): number {
  const at = field.indexOf(term);
  if (at < 0) return 0;
  if (field.length === term.length) return 1;
  return at === 0 ? 0.95 : 0.85;
}

/** The year as written, its ROC year (113, 113年, 民國113年) and the full date. */
function dateKeys(iso: string | undefined): string[] {
  if (!iso) return [];
  const date = parseIsoDate(iso);
  if (!date) return [iso];
  const keys = [iso, String(date.year)];
  if (date.year > 1911) keys.push(`${date.year - 1911}年`, `民國${date.year - 1911}年`);
  return keys;
}

/** A record's fields as the ranking compares them, normalised once per record and corpus generation. */
interface NormalizedFields {
  readonly names: ReadonlyArray<readonly [key: string, name: string]>;
  readonly id: string;
  readonly by: readonly string[];
  readonly dates: readonly string[];
  readonly tags: readonly string[];
}

function normalizeFields(record: CorpusRecord): NormalizedFields {
  const names = [record.title, ...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases];
  return {
    names: names.map((name) => [normalizeKey(name), name] as const),
    id: record.id.toLowerCase(),
    by: [record.publisher, record.author].filter((value): value is string => value !== undefined).map(normalizeKey),
    dates: dateKeys(record.date),
    tags: record.tags.map(normalizeKey),
  };
}

function bestFieldMatch(record: CorpusRecord, fields: NormalizedFields, term: string, fuzzy: ReadonlyMap<string, number>): FieldMatch | undefined {
  let best: FieldMatch | undefined;
  const offer = (score: number, field: CitationField, name?: string) => {
    const weighted = score * FIELD_WEIGHTS[field];
    if (weighted > 0 && (!best || weighted > best.score)) best = { score: weighted, field, ...(name !== undefined ? { name } : {}) };
  };
  for (const [key, name] of fields.names) offer(substringScore(key, term), 'name', name);
  // A typo: the gram index found the record for this term, though no name contains it.
  const fuzzyScore = fuzzy.get(record.id);
  if (fuzzyScore !== undefined && (!best || best.field !== 'name')) offer(fuzzyScore * 0.8, 'name', record.title);
  offer(substringScore(fields.id, term), 'id');
  for (const by of fields.by) offer(substringScore(by, term), 'publisher');
  for (const key of fields.dates) offer(key === term ? 1 : key.startsWith(term) && /\d$/.test(term) ? 0.8 : 0, 'date');
  for (const tag of fields.tags) offer(substringScore(tag, term), 'tags');
  return best;
}

/** The mean of the terms' best field scores, or undefined when a term matches no field. */
function scoreRecord(record: CorpusRecord, fields: NormalizedFields, terms: readonly string[], fuzzyByTerm: readonly ReadonlyMap<string, number>[]): Omit<CitationCandidate, 'record'> | undefined {
  let total = 0;
  let first: FieldMatch | undefined;
  for (const [position, term] of terms.entries()) {
    const match = bestFieldMatch(record, fields, term, fuzzyByTerm[position]!);
    if (!match) return undefined;
    total += match.score;
    first ??= match;
  }
  return { score: total / terms.length, field: first!.field, ...(first!.name !== undefined ? { name: first!.name } : {}) };
}

/**
 * The article's citation context at a position, read from the line before the cursor:
 * - `[@typed` — a citation key inside brackets (`bracket`, replaced from the `[`); `[@a; @typed` (`groupKey`);
 * - `@typed` — after an at sign in prose (`at`, replaced from the `@`; the typed text may hold spaces);
 * - otherwise, for an explicit request only, the word before the cursor (`word`: a Latin word or the last
 *   characters of a CJK run).
 */
export interface CitationContext {
  readonly kind: 'bracket' | 'groupKey' | 'at' | 'word';
  /** Offset in the line where the replaced text starts (the `[`, the `@` or the word). */
  readonly start: number;
  readonly typed: string;
}

const MAX_AT_DISTANCE = 40;
const MAX_WORD = 8;

export function citationContextAt(linePrefix: string, explicit: boolean): CitationContext | undefined {
  const at = linePrefix.lastIndexOf('@');
  if (at >= 0 && linePrefix.length - at <= MAX_AT_DISTANCE) {
    const typed = linePrefix.slice(at + 1);
    const before = at > 0 ? linePrefix[at - 1]! : '';
    // An e-mail address (name@host) is not a citation; brackets and links end the context.
    if (!/[\]()[<>]/.test(typed) && !/[A-Za-z0-9._%+-]/.test(before)) {
      if (before === '[') return { kind: 'bracket', start: at - 1, typed };
      // A second key in a group ([@a; @b): only `@id` is written.
      if (/\[[^\]]*;\s*$/.test(linePrefix.slice(0, at))) return { kind: 'groupKey', start: at, typed };
      if (/^\s/.test(typed)) return undefined;
      return { kind: 'at', start: at, typed };
    }
  }
  if (!explicit) return undefined;
  const latin = /[A-Za-z0-9][A-Za-z0-9'-]*$/.exec(linePrefix);
  if (latin) return { kind: 'word', start: latin.index, typed: latin[0] };
  const cjk = /[\u3400-\u9fff\uf900-\ufaff]+$/.exec(linePrefix);
  if (!cjk) return undefined;
  const word = cjk[0].slice(-MAX_WORD);
  return { kind: 'word', start: linePrefix.length - word.length, typed: word };
}

/**
 * For a word completion in CJK prose, how much of the typed text the name replaces: the longest end of the
 * typed text the name starts with (布萊 of 根據布萊 for 布萊切利宣言), else all of it (a typo).
 */
export function replacedLength(typed: string, name: string): number {
  const key = normalizeKey(name);
  for (let length = typed.length; length > 0; length--) if (key.startsWith(normalizeKey(typed.slice(typed.length - length)))) return length;
  return typed.length;
}
