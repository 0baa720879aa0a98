import { parseArticle } from '../article/article';
import { parseCitationLine, type ParsedCitation } from '../article/citationLine';
import { inSection } from '../article/checks';
import type { CorpusIndex } from '../search/corpusIndex';
import { parseIsoDate } from '../util/dates';
import { cleanSourceUrl, sourceSlug, sourceTitleKey, sourceUrlKey } from './sourceKeys';
import { guessSourceType } from './sourceType';

/**
 * Harvest: every citation line of 資料來源 and every link of 相關連結 in a set of articles becomes a corpus
 * record, one per source (one URL after normalisation, or else one title). Pure: the caller reads the files.
 * Everything is keyed and sorted so the same articles, in any order, give the same records.
 */

export interface HarvestArticle {
  /** A name for the article (its path); used only to count distinct articles. */
  readonly path: string;
  readonly text: string;
}

/** A harvested record, in the field order it is written (JSON Lines, corpus/harvested.jsonl). */
export interface HarvestedRecord {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly lang: string;
  readonly date?: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly url?: string;
  readonly accessed?: string;
  /** How many of the harvested articles cite it. */
  readonly citedBy: number;
  /** Facts the articles disagree on (two dates for one URL): the values not chosen. */
  readonly note?: string;
}

export interface HarvestConflict {
  readonly id: string;
  readonly field: 'date' | 'publisher' | 'author';
  /** Every value cited, the chosen one first. */
  readonly values: readonly string[];
}

export interface HarvestResult {
  readonly records: readonly HarvestedRecord[];
  /** Sources the corpus already has: not written again. */
  readonly known: ReadonlyArray<{ readonly id: string; readonly title: string; readonly citedBy: number }>;
  readonly conflicts: readonly HarvestConflict[];
  readonly articles: number;
  readonly citations: number;
}

interface Observation {
  readonly article: string;
  readonly title?: string;
  readonly shortTitle?: string;
  /** A link text that is a plain name (no date, no publisher): an alias as written. */
  readonly linkName?: string;
  readonly author?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly accessed?: string;
}

export interface HarvestOptions {
  /** The URI of the file being rewritten: its own records (a previous harvest) are not "already in the corpus". */
  readonly replacing?: string;
}

/** The harvest of `articles` against `index` (the corpus: sources it has are reported, not harvested). */
export function harvestArticles(articles: readonly HarvestArticle[], index: CorpusIndex, options: HarvestOptions = {}): HarvestResult {
  const inCorpus = (id: string) => {
    const record = index.get(id);
    return record !== undefined && record.origin.uri !== options.replacing;
  };
  const observations: Observation[] = [];
  for (const { path, text } of [...articles].sort((a, b) => compare(a.path, b.path))) observations.push(...observe(path, text));
  const groups = groupObservations(observations);
  const records: HarvestedRecord[] = [];
  const known: Array<{ id: string; title: string; citedBy: number }> = [];
  const conflicts: HarvestConflict[] = [];
  const usedIds = new Set<string>();
  for (const [, group] of [...groups].sort(([a], [b]) => compare(a, b))) {
    const built = buildRecord(group);
    if (!built) continue;
    const existing = existingRecord(built.record, index, inCorpus);
    if (existing) {
      known.push({ id: existing, title: built.record.title, citedBy: built.record.citedBy });
      continue;
    }
    let id = built.slug;
    for (let n = 2; usedIds.has(id) || inCorpus(id); n++) id = `${built.slug}-${n}`;
    usedIds.add(id);
    records.push({ id, ...built.record });
    for (const conflict of built.conflicts) conflicts.push({ ...conflict, id });
  }
  records.sort((a, b) => compare(a.id, b.id));
  known.sort((a, b) => compare(a.id, b.id) || compare(a.title, b.title));
  conflicts.sort((a, b) => compare(a.id, b.id) || compare(a.field, b.field));
  return { records, known, conflicts, articles: new Set(articles.map((article) => article.path)).size, citations: observations.length };
}

/** The records as JSON Lines: one object a line, fields in a fixed order, a final line feed. */
export function formatHarvestJsonLines(records: readonly HarvestedRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

function observe(path: string, text: string): Observation[] {
  const article = parseArticle(text);
  const found: Observation[] = [];
  for (const line of article.citationLines) {
    const observation = fromParsed(path, line.parsed, line.text);
    if (observation) found.push(observation);
  }
  for (const link of article.links) {
    if (!inSection(article, link.start, 'links')) continue;
    const parsed = parseCitationLine(link.text);
    const url = link.form === 'autolink' || link.form === 'bare' ? link.text : link.destination;
    const observation = fromParsed(path, { ...parsed, url: undefined }, link.text, url);
    if (observation) found.push(observation);
  }
  return found;
}

function fromParsed(article: string, parsed: ParsedCitation, text: string, linkUrl?: string): Observation | undefined {
  const span = (value: { text: string } | undefined) => (value ? clean(value.text) : undefined);
  const url = cleanSourceUrl(parsed.url?.text ?? linkUrl ?? '');
  const title = span(parsed.title);
  const shortTitle = span(parsed.shortTitle);
  const plain = !title && !shortTitle && !parsed.date && !parsed.publisher ? clean(text) : undefined;
  const linkName = plain && plain.length <= 200 && !/^https?:/i.test(plain) ? plain : undefined;
  if (!title && !shortTitle && !linkName && !url) return undefined;
  return {
    article,
    ...optional('title', title ?? (shortTitle ? undefined : linkName)),
    ...optional('shortTitle', shortTitle),
    ...optional('linkName', linkName),
    ...optional('author', span(parsed.author)),
    ...optional('publisher', span(parsed.publisher)),
    ...optional('date', parsed.date?.iso),
    ...optional('url', url),
    ...optional('accessed', parsed.lastVisit?.iso),
  };
}

/** One group per URL key; an observation without a URL joins the one URL group its title names, else a title group. */
function groupObservations(observations: readonly Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  const add = (key: string, observation: Observation) => {
    const group = groups.get(key);
    if (group) group.push(observation);
    else groups.set(key, [observation]);
  };
  const urlGroupsOfTitle = new Map<string, Set<string>>();
  const titleKeys = (observation: Observation) => [observation.title, observation.shortTitle, observation.linkName].filter((name): name is string => Boolean(name)).map(sourceTitleKey).filter(Boolean);
  const withoutUrl: Observation[] = [];
  for (const observation of observations) {
    const urlKey = observation.url ? sourceUrlKey(observation.url) : undefined;
    if (!urlKey) {
      withoutUrl.push(observation);
      continue;
    }
    add(`u:${urlKey}`, observation);
    for (const key of titleKeys(observation)) {
      const set = urlGroupsOfTitle.get(key) ?? new Set<string>();
      set.add(`u:${urlKey}`);
      urlGroupsOfTitle.set(key, set);
    }
  }
  for (const observation of withoutUrl) {
    const keys = titleKeys(observation);
    const targets = new Set(keys.flatMap((key) => [...(urlGroupsOfTitle.get(key) ?? [])]));
    if (targets.size === 1) add([...targets][0]!, observation);
    else if (keys.length > 0) add(`t:${keys[0]}`, observation);
  }
  return groups;
}

interface BuiltRecord {
  readonly record: Omit<HarvestedRecord, 'id'>;
  readonly slug: string;
  readonly conflicts: ReadonlyArray<Omit<HarvestConflict, 'id'>>;
}

function buildRecord(group: readonly Observation[]): BuiltRecord | undefined {
  const values = (pick: (observation: Observation) => string | undefined) => group.map(pick).filter((value): value is string => Boolean(value));
  const titles = values((o) => o.title);
  const shortTitles = values((o) => o.shortTitle);
  const linkNames = values((o) => o.linkName);
  // The full title is the longest one cited (the short ones are aliases).
  const title = [...titles, ...shortTitles, ...linkNames].sort((a, b) => b.length - a.length || compare(a, b))[0] ?? hostName(values((o) => o.url)[0]);
  if (!title) return undefined;
  const titleKey = sourceTitleKey(title);
  const aliases = uniqueByKey([...shortTitles, ...titles, ...linkNames].filter((name) => sourceTitleKey(name) !== titleKey)).sort(compare);
  const conflicts: Array<Omit<HarvestConflict, 'id'>> = [];
  const notes: string[] = [];
  const choose = (field: 'date' | 'publisher' | 'author', cited: string[], label: string) => {
    const ranked = rankValues(cited, field === 'date' ? (value) => value : sourceTitleKey);
    if (ranked.length > 1) {
      conflicts.push({ field, values: ranked });
      notes.push(`${label}: ${ranked.slice(1).join('; ')}`);
    }
    return ranked[0];
  };
  const date = choose('date', values((o) => o.date), 'Other dates cited');
  const publisher = choose('publisher', values((o) => o.publisher), 'Other publishers cited');
  const author = choose('author', values((o) => o.author), 'Other authors cited');
  const urls = values((o) => o.url);
  // https when any article wrote it so, then the most cited spelling.
  const url = rankValues(urls, (value) => value).sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')))[0];
  const accessed = values((o) => o.accessed).sort(compare).at(-1);
  const citedBy = new Set(group.map((o) => o.article)).size;
  const year = date ? parseIsoDate(date)?.year : undefined;
  const named = shortTitles.find((name) => /[A-Za-z]{3}/.test(name) && name.split(/\s+/).length >= 2) ?? title;
  const record: Omit<HarvestedRecord, 'id'> = {
    type: guessSourceType(title, url),
    title,
    aliases,
    lang: /[\u3400-\u9fff]/.test(title) ? 'zh-TW' : 'en',
    ...optional('date', date),
    ...optional('publisher', publisher),
    ...optional('author', author),
    ...optional('url', url),
    ...optional('accessed', accessed),
    citedBy,
    ...optional('note', notes.length > 0 ? `${notes.join('. ')}.` : undefined),
  };
  return { record, slug: sourceSlug(named, url, year), conflicts };
}

/** The id of the corpus record this source already is: the same URL, or a document with the same title. */
function existingRecord(record: Omit<HarvestedRecord, 'id'>, index: CorpusIndex, inCorpus: (id: string) => boolean): string | undefined {
  if (record.url) {
    const byUrl = index.lookupUrl(record.url).filter(inCorpus);
    if (byUrl.length > 0) return [...byUrl].sort(compare)[0];
  }
  const byTitle = index.lookupName(record.title).filter((id) => inCorpus(id) && sourceTitleKey(index.get(id)!.title) === sourceTitleKey(record.title));
  return byTitle.length > 0 ? [...byTitle].sort(compare)[0] : undefined;
}

/** Distinct values (by key), most cited first, ties in code-point order: the order never depends on the input's. */
function rankValues(values: readonly string[], key: (value: string) => string): string[] {
  const counts = new Map<string, { value: string; count: number }>();
  for (const value of values) {
    const k = key(value);
    const entry = counts.get(k);
    if (!entry) counts.set(k, { value, count: 1 });
    else {
      entry.count++;
      if (compare(value, entry.value) < 0) entry.value = value;
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compare(a.value, b.value)).map((entry) => entry.value);
}

function uniqueByKey(names: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of [...names].sort(compare)) if (!byKey.has(sourceTitleKey(name))) byKey.set(sourceTitleKey(name), name);
  return [...byKey.values()];
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Markdown escapes removed, spaces collapsed: text as a reader sees it. */
function clean(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Code-point order (not locale order): the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
