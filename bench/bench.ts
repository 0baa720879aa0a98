/**
 * Performance benchmark of the corpus index (npm run bench). For each corpus size it measures building the
 * index, exact alias lookups, one-typo fuzzy title search (against plain fuse.js over the whole corpus as
 * the baseline) and finding mentions in a 5 KB article, and prints the results next to the 100k targets.
 *
 *   npm run bench                                   sizes 1000, 10000, 100000
 *   npm run bench -- --sizes 1000,10000             only these sizes (1k / 10k / 100k also accepted)
 *   npm run bench -- --json results.json            also write every number as JSON
 *   npm run bench -- --seed 7                       another synthetic corpus
 *   npm run bench -- --citations-only               only citation completion at 100k records
 *
 * A missed target is reported, never fatal: the process fails only on an exception.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CorpusRecord } from '../src/core/corpus/record';
import { findMentionReferences } from '../src/core/documentReferences';
import { AliasMatcher } from '../src/core/search/aliasMatcher';
import { CorpusIndex } from '../src/core/search/corpusIndex';
import { parseArticle } from '../src/core/article/article';
import { resolveArticle } from '../src/core/article/resolve';
import { weakKeysOf } from '../src/core/search/weakAliases';
import { normalizeKey } from '../src/core/search/normalize';
import { FUSE_OPTIONS, FuzzySearch } from '../src/core/search/fuzzySearch';
import { articleTable, benchArticles, type ArticleBenchResult } from './articleBench';
import { benchTags, tagTable, type TagBenchResult } from './tagBench';
import { benchCitations, citationTable, type CitationBenchResult } from './citationBench';
import { benchLaws, lawTable, type LawBenchResult } from './lawBench';
import { benchBibtexChange, benchLibraries, libraryTable, type LibraryBenchResult } from './libraryBench';
import { benchVariants, variantTable } from './variantBench';
import { generateArticle, generateCorpus, Rng, typoOf, vocabularySize, type TypoKind } from './generateCorpus';
import { benchScale, scaleTable, type ScaleBenchResult } from './scaleBench';
import { buildSummary } from './summary';
import { namesOf } from '../src/core/search/recordNames';

const MB = 1024 * 1024;
const LOOKUPS = 10_000;
const FUZZY_QUERIES = 200;
/** Plain Fuse over 100k records takes hundreds of ms per query: fewer baseline queries at that size. */
const BASELINE_QUERIES_LARGE = 50;
const LARGE = 100_000;
const BASELINE_KEYS = ['title', 'aliases'];
const MENTION_RUNS = 200;
const ARTICLE_BYTES = 5 * 1024;
const ARTICLE_ALIASES = 30;

// ---------------------------------------------------------------------------------------------------------
// Arguments

interface Options {
  readonly sizes: number[];
  readonly json?: string;
  readonly seed: number;
  readonly skipArticles: boolean;
  /** Only the statute-reference bench (--laws-only). */
  readonly lawsOnly: boolean;
  /** Only the reference-library bench (--libraries-only). */
  readonly librariesOnly: boolean;
  /** Only the citation-completion bench (--citations-only). */
  readonly citationsOnly: boolean;
  /** Smaller sizes everywhere (--quick): a development run in under two minutes; the summary reads the largest size. */
  readonly quick: boolean;
  /** Entries in each generated reference library (--library-size; 20,000 by default, --quick 2,000). */
  readonly librarySize: number;
  /** Only the mention-variants bench (--variants-only; bench/variantBench.ts). */
  readonly variantsOnly?: boolean;
  /** Only the tag-completion bench (--tags-only; bench/tagBench.ts, 50,000 tags, 5,000 with --quick). */
  readonly tagsOnly?: boolean;
  /** Only the articles and CLI bench (--articles-only; bench/articleBench.ts, `check` on 1,000 and 10,000 articles). */
  readonly articlesOnly?: boolean;
  /** Only the articles-at-scale part (--scale-only): the stall and keystroke figures in a few seconds. */
  readonly scaleOnly?: boolean;
  /** Only the index build against the plain Map, and the first scan and fuzzy query after it (--build-only). */
  readonly buildOnly?: boolean;
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim().replace(/_/g, ''));
  if (!match) throw new Error(`--sizes: "${text}" is not a number (examples: 1000, 10k, 100000)`);
  const factor = match[2] === '' ? 1 : match[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  const size = Math.round(Number(match[1]) * factor);
  if (!Number.isFinite(size) || size < 10) throw new Error(`--sizes: ${text} is too small (at least 10 records)`);
  return size;
}

function parseArgs(argv: readonly string[]): Options {
  let sizes = [1_000, 10_000, 100_000];
  let json: string | undefined;
  let seed = 20240401;
  let skipArticles = false;
  let lawsOnly = false;
  let librariesOnly = false;
  let citationsOnly = false;
  let quick = false;
  let sizesGiven = false;
  let librarySize = 20_000;
  let librarySizeGiven = false;
  let variantsOnly = false;
  let tagsOnly = false;
  let articlesOnly = false;
  let scaleOnly = false;
  let buildOnly = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--sizes':
        sizes = value().split(',').filter((part) => part.trim() !== '').map(parseSize);
        sizesGiven = true;
        if (sizes.length === 0) throw new Error('--sizes: no size given');
        break;
      case '--json':
        json = value();
        break;
      case '--seed':
        seed = Number.parseInt(value(), 10);
        if (!Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
        break;
      case '--no-articles':
        skipArticles = true;
        break;
      case '--laws-only':
        lawsOnly = true;
        break;
      case '--libraries-only':
        librariesOnly = true;
        break;
      case '--citations-only':
        citationsOnly = true;
        break;
      case '--library-size':
        librarySize = parseSize(value());
        librarySizeGiven = true;
        break;
      case '--quick':
        // A run that fits a busy machine: the small corpus sizes and a 2,000-entry library.
        quick = true;
        break;
      case '--scale-only':
        scaleOnly = true;
        break;
      case '--build-only':
        buildOnly = true;
        break;
      case '--variants-only':
        variantsOnly = true;
        break;
      case '--articles-only':
        articlesOnly = true;
        break;
      case '--tags-only':
        tagsOnly = true;
        break;
      case '--help':
      case '-h':
        console.log('usage: npm run bench -- [--sizes 1000,10000,100000] [--json results.json] [--seed N] [--no-articles] [--laws-only] [--libraries-only] [--citations-only] [--variants-only] [--tags-only] [--articles-only] [--scale-only] [--build-only] [--library-size 20000] [--quick]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg} (try --help)`);
    }
  }
  if (quick && !sizesGiven) sizes = [1_000, 10_000];
  if (quick && !librarySizeGiven) librarySize = 2_000;
  return { sizes, seed, skipArticles, lawsOnly, librariesOnly, citationsOnly, quick, librarySize, variantsOnly, tagsOnly, articlesOnly, scaleOnly, buildOnly, ...(json !== undefined ? { json } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

interface Stats {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly max: number;
}

function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, mean: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length, max: sorted[sorted.length - 1]! };
}

const now = (): bigint => process.hrtime.bigint();
const msSince = (start: bigint): number => Number(now() - start) / 1e6;

let warnedNoGc = false;
function collect(): void {
  if (typeof global.gc !== 'function') {
    if (!warnedNoGc) console.error('[bench] warning: run node with --expose-gc; heap numbers include garbage');
    warnedNoGc = true;
    return;
  }
  // Twice: the first pass can leave objects that only a second pass frees (weak maps, finalisers).
  global.gc();
  global.gc();
}

const heapUsed = (): number => process.memoryUsage().heapUsed;

interface BuildResult {
  /** Median time over the runs. */
  readonly ms: number;
  readonly heapMB: number;
  /** Every run's time; the heap growth of the first (the only one measured). */
  readonly runs: readonly { readonly ms: number; readonly heapMB?: number }[];
}

/**
 * Builds once from a collected heap (time and heap growth; that structure is kept and returned), then
 * `repeats - 1` more times for the time only, each in its own call whose result is dropped at once.
 * Heap growth is measured on the first build only: a structure from an earlier run can stay reachable
 * from a stale interpreter register, so "drop it and collect" before a later run is not reliable.
 */
function measureBuild<T>(build: () => T, repeats: number): { value: T; result: BuildResult } {
  collect();
  const before = heapUsed();
  const start = now();
  const value = build();
  const firstMs = msSince(start);
  collect();
  const heapMB = (heapUsed() - before) / MB;
  const times = [firstMs];
  for (let run = 1; run < repeats; run++) times.push(timeBuild(build));
  return { value, result: { ms: stats(times).p50, heapMB, runs: times.map((ms, run) => ({ ms, ...(run === 0 ? { heapMB } : {}) })) } };
}

function timeBuild(build: () => unknown): number {
  collect();
  const start = now();
  build();
  return msSince(start);
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------
// One corpus size

interface FuzzyResult {
  readonly queries: number;
  readonly latencyMs: Stats;
  readonly hitAt1: number;
  readonly hitAt10: number;
  /** Index only: latency of the queries made from Chinese / English titles. */
  readonly latencyZhMs?: Stats;
  readonly latencyEnMs?: Stats;
}

interface SizeResult {
  readonly size: number;
  readonly corpus: { generateMs: number; recordsHeapMB: number; names: number; distinctNames: number; zhTitles: number; enTitles: number };
  readonly build: { index: BuildResult; baseline: BuildResult; aliasMatcherOnly: BuildResult; fuzzySearchOnly: BuildResult; map: BuildResult };
  /** The first fuzzy query on the freshly built index: it lists the grams the build leaves for it (time and heap growth). */
  readonly firstFuzzy: { ms: number; heapMB: number };
  readonly lookup: { lookups: number; latencyMs: Stats; found: number };
  readonly fuzzy: {
    readonly index: FuzzyResult;
    readonly baseline: FuzzyResult;
    /** The index's hit rates on exactly the queries the baseline ran (the baseline may run fewer). */
    readonly indexOnBaselineQueries: { queries: number; hitAt1: number; hitAt10: number };
    readonly typoKinds: Record<TypoKind, number>;
  };
  readonly mentions: {
    readonly runs: number;
    readonly articleChars: number;
    readonly articleBytes: number;
    readonly latencyMs: Stats;
    readonly found: number;
    readonly distinctRecords: number;
    readonly ambiguous: number;
    readonly inserted: number;
    readonly insertedFound: number;
    /** (alias, record) pairs the weak-alias rule marks weak. */
    readonly weakPairs: number;
    /** resolveArticle (mentions only) with weak aliases, and on the same records with none weak. */
    readonly resolveWeakMs: Stats;
    readonly resolveNoneWeakMs: Stats;
  };
}

interface Query {
  readonly query: string;
  readonly sourceId: string;
  readonly chinese: boolean;
  readonly kind: TypoKind;
}

function runQueries(queries: readonly Query[], search: (query: string) => readonly string[], warmup: number): FuzzyResult {
  for (const query of queries.slice(0, warmup)) search(query.query);
  const times: number[] = [];
  const zh: number[] = [];
  const en: number[] = [];
  let hit1 = 0;
  let hit10 = 0;
  for (const query of queries) {
    const start = now();
    const ids = search(query.query);
    const ms = msSince(start);
    times.push(ms);
    (query.chinese ? zh : en).push(ms);
    if (ids[0] === query.sourceId) hit1++;
    if (ids.slice(0, 10).includes(query.sourceId)) hit10++;
  }
  return { queries: queries.length, latencyMs: stats(times), hitAt1: hit1 / queries.length, hitAt10: hit10 / queries.length, latencyZhMs: stats(zh), latencyEnMs: stats(en) };
}

/** The index's two big parts built alone, the way CorpusIndex.set feeds them (in a call of its own, so nothing stays reachable). */
function measureComponents(records: readonly CorpusRecord[], repeats: number): { aliasMatcherOnly: BuildResult; fuzzySearchOnly: BuildResult } {
  const aliasMatcherOnly = measureBuild(() => {
    const matcher = new AliasMatcher();
    for (const record of records) for (const name of namesOf(record)) matcher.add(name, record.id);
    return matcher;
  }, repeats).result;
  const fuzzySearchOnly = measureBuild(() => {
    const fuzzy = new FuzzySearch();
    for (const record of records) fuzzy.add(record.id, record.title, [...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases]);
    return fuzzy;
  }, repeats).result;
  return { aliasMatcherOnly, fuzzySearchOnly };
}

/**
 * The limit the index's build is compared with (issue 19): a plain Map from every normalised name to its
 * record ids, built from the same records in the same run. Normalising is included: the index cannot skip it.
 */
function measurePlainMap(records: readonly CorpusRecord[], repeats: number): BuildResult {
  return measureBuild(() => plainMap(records), repeats).result;
}

function plainMap(records: readonly CorpusRecord[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const record of records) {
    for (const name of namesOf(record)) {
      const key = normalizeKey(name);
      const ids = map.get(key);
      if (ids === undefined) map.set(key, [record.id]);
      else if (!ids.includes(record.id)) ids.push(record.id);
    }
  }
  return map;
}

/** Plain fuse.js over every record, same options, no candidate pre-selection; dropped when this returns. */
function runBaseline(size: number, records: readonly CorpusRecord[], queries: readonly Query[], repeats: number): { build: BuildResult; fuzzy: FuzzyResult } {
  // The index's Fuse options (threshold, ignoreLocation, …) with the record's own keys: title and aliases.
  const options = { ...FUSE_OPTIONS, keys: BASELINE_KEYS } as unknown as IFuseOptions<CorpusRecord>;
  log(`${size.toLocaleString('en')} records: building the fuse.js baseline`);
  const { value: fuse, result: build } = measureBuild(() => new Fuse(records, options), repeats);
  log(`${size.toLocaleString('en')} records: ${queries.length} one-typo queries on the baseline`);
  const fuzzy = runQueries(queries, (query) => fuse.search(query, { limit: 10 }).map((result) => result.item.id), size >= LARGE ? 2 : 10);
  return { build, fuzzy: { queries: fuzzy.queries, latencyMs: fuzzy.latencyMs, hitAt1: fuzzy.hitAt1, hitAt10: fuzzy.hitAt10 } };
}

function benchSize(size: number, seed: number, quick: boolean): SizeResult {
  const rng = new Rng(seed ^ size);
  log(`${size.toLocaleString('en')} records: generating`);
  collect();
  const heapBeforeRecords = heapUsed();
  const generateStart = now();
  const records = generateCorpus(size, { seed });
  const generateMs = msSince(generateStart);
  collect();
  const recordsHeapMB = (heapUsed() - heapBeforeRecords) / MB;
  const allNames = records.flatMap(namesOf);
  const corpus = {
    generateMs,
    recordsHeapMB,
    names: allNames.length,
    distinctNames: new Set(allNames.map((name) => name.toLowerCase())).size,
    zhTitles: records.filter((record) => record.lang === 'zh').length,
    enTitles: records.filter((record) => record.lang === 'en').length,
  };
  const repeats = size <= 1_000 ? 5 : size <= 10_000 ? 3 : 1;

  // Components alone first (diagnostic: where the index's time and memory go), then the whole index.
  log(`${size.toLocaleString('en')} records: building alias matcher / fuzzy search alone (diagnostic)`);
  const { aliasMatcherOnly, fuzzySearchOnly } = measureComponents(records, repeats);
  log(`${size.toLocaleString('en')} records: building a plain Map of the normalised names (the limit)`);
  const map = measurePlainMap(records, repeats);

  log(`${size.toLocaleString('en')} records: building the index (${repeats} run${repeats > 1 ? 's' : ''})`);
  const { value: index, result: indexBuild } = measureBuild(() => {
    const built = new CorpusIndex();
    for (const record of records) built.set(record);
    return built;
  }, repeats);


  // The first fuzzy query pays for the grams the build left out.
  collect();
  const heapBeforeFirstFuzzy = heapUsed();
  const firstFuzzyStart = now();
  index.search(records[0]!.title.slice(1), 10);
  const firstFuzzy = { ms: msSince(firstFuzzyStart), heapMB: 0 };
  collect();
  firstFuzzy.heapMB = (heapUsed() - heapBeforeFirstFuzzy) / MB;

  // Exact alias lookups.
  log(`${size.toLocaleString('en')} records: ${LOOKUPS.toLocaleString('en')} exact alias lookups`);
  const lookupTargets = Array.from({ length: LOOKUPS }, () => {
    let record = rng.pick(records);
    while (record.aliases.length === 0) record = rng.pick(records);
    return { alias: rng.pick(record.aliases), id: record.id };
  });
  for (const target of lookupTargets.slice(0, 1_000)) index.lookupName(target.alias);
  const lookupTimes: number[] = [];
  let found = 0;
  for (const target of lookupTargets) {
    const start = now();
    const ids = index.lookupName(target.alias);
    lookupTimes.push(msSince(start));
    if (ids.includes(target.id)) found++;
  }

  // Fuzzy search with one typo.
  const queries: Query[] = Array.from({ length: FUZZY_QUERIES }, () => {
    const record = rng.pick(records);
    const { query, kind } = typoOf(record.title, rng);
    return { query, sourceId: record.id, chinese: record.lang === 'zh', kind };
  });
  const typoKinds: Record<TypoKind, number> = { substitute: 0, delete: 0, insert: 0 };
  for (const query of queries) typoKinds[query.kind]++;
  log(`${size.toLocaleString('en')} records: ${queries.length} one-typo queries on the index`);
  const fuzzyIndex = runQueries(queries, (query) => index.search(query, 10).map((hit) => hit.id), 20);
  // BENCH_BASELINE_QUERIES=n caps the (slow) fuse.js baseline's queries, for a quick run on a loaded machine.
  const baselineCap = Number(process.env.BENCH_BASELINE_QUERIES ?? Number.POSITIVE_INFINITY) || Number.POSITIVE_INFINITY;
  const baselineCount = Math.min(baselineCap, size >= LARGE || quick ? BASELINE_QUERIES_LARGE : FUZZY_QUERIES);
  const baselineQueries = queries.slice(0, baselineCount);
  const { build: baselineBuild, fuzzy: fuzzyBaseline } = runBaseline(size, records, baselineQueries, repeats);
  // The index's hits on the baseline's queries (same queries, so hit@10 compares like with like).
  const indexOnBaseline = runQueries(baselineQueries, (query) => index.search(query, 10).map((hit) => hit.id), 0);

  // Mentions in a 5 KB article.
  log(`${size.toLocaleString('en')} records: mentions in a 5 KB article × ${MENTION_RUNS}`);
  const article = generateArticle(records, seed ^ (size * 31), ARTICLE_BYTES, ARTICLE_ALIASES);
  for (let run = 0; run < 20; run++) findMentionReferences(index, article.text);
  const mentionTimes: number[] = [];
  let references = findMentionReferences(index, article.text);
  for (let run = 0; run < MENTION_RUNS; run++) {
    const start = now();
    references = findMentionReferences(index, article.text);
    mentionTimes.push(msSince(start));
  }
  // Resolving those mentions with weak aliases (the built-in rule marks the generated short and generic
  // aliases) against a baseline index of the same records with none weak (weakAliases: []), same run.
  log(`${size.toLocaleString('en')} records: resolving the mentions, weak aliases on and off × ${MENTION_RUNS}`);
  const parsedArticle = parseArticle(article.text);
  const mentionOptions = { threshold: 0.7, kinds: new Set(['mention'] as const) };
  const noneWeak = new CorpusIndex();
  noneWeak.setMany(records.map((record) => ({ ...record, weakAliases: [] })));
  const weakPairs = records.reduce((sum, record) => sum + weakKeysOf(record).size, 0);
  // Interleaved, so a shared machine's load falls on both alike.
  for (let run = 0; run < 20; run++) {
    resolveArticle(parsedArticle, index, mentionOptions);
    resolveArticle(parsedArticle, noneWeak, mentionOptions);
  }
  const weakTimes: number[] = [];
  const noneWeakTimes: number[] = [];
  for (let run = 0; run < MENTION_RUNS; run++) {
    for (const [on, times] of run % 2 === 0 ? ([[index, weakTimes], [noneWeak, noneWeakTimes]] as const) : ([[noneWeak, noneWeakTimes], [index, weakTimes]] as const)) {
      const start = now();
      resolveArticle(parsedArticle, on, mentionOptions);
      times.push(msSince(start));
    }
  }
  const resolveWeak = stats(weakTimes);
  const resolveNoneWeak = stats(noneWeakTimes);
  const insertedFound = article.inserted.filter(({ alias, id }) => references.some((reference) => reference.text === alias && reference.ids.includes(id))).length;

  return {
    size,
    corpus,
    build: { index: indexBuild, baseline: baselineBuild, aliasMatcherOnly, fuzzySearchOnly, map },
    firstFuzzy,
    lookup: { lookups: LOOKUPS, latencyMs: stats(lookupTimes), found },
    fuzzy: {
      index: fuzzyIndex,
      baseline: fuzzyBaseline,
      indexOnBaselineQueries: { queries: indexOnBaseline.queries, hitAt1: indexOnBaseline.hitAt1, hitAt10: indexOnBaseline.hitAt10 },
      typoKinds,
    },
    mentions: {
      runs: MENTION_RUNS,
      articleChars: article.text.length,
      articleBytes: new TextEncoder().encode(article.text).length,
      latencyMs: stats(mentionTimes),
      found: references.length,
      distinctRecords: new Set(references.flatMap((reference) => reference.ids)).size,
      ambiguous: references.filter((reference) => reference.ids.length > 1).length,
      inserted: article.inserted.length,
      insertedFound,
      weakPairs,
      resolveWeakMs: resolveWeak,
      resolveNoneWeakMs: resolveNoneWeak,
    },
  };
}

/**
 * The build figures of benchSize alone, in its order (the components, the Map, the index), with each build's
 * process CPU time beside its wall time (a shared machine stretches the wall time), then the first mention scan
 * and the first fuzzy query, which pay for what the build leaves to them.
 */
function benchBuildOnly(size: number, seed: number): string {
  const records = generateCorpus(size, { seed });
  const warm = generateCorpus(500, { seed: seed + 1 });
  const warmIndex = new CorpusIndex();
  for (const record of warm) warmIndex.set(record);
  for (const record of warm.slice(0, 50)) warmIndex.search(record.title.slice(1), 10);
  findMentionReferences(warmIndex, generateArticle(warm, 1).text);
  measureComponents(records, 1);
  // measureBuild's steps, with the process CPU time of the build alone (not of the collections around it).
  const measure = <T>(build: () => T) => {
    collect();
    const heapBefore = heapUsed();
    const cpuBefore = process.cpuUsage();
    const start = now();
    const value = build();
    const ms = msSince(start);
    const cpu = process.cpuUsage(cpuBefore);
    collect();
    return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000, heapMB: (heapUsed() - heapBefore) / MB };
  };
  const map = measure(() => plainMap(records));
  const index = measure(() => {
    const built = new CorpusIndex();
    for (const record of records) built.set(record);
    return built;
  });
  const built = index.value;
  const article = generateArticle(records, seed ^ (size * 31), ARTICLE_BYTES, ARTICLE_ALIASES);
  let start = now();
  findMentionReferences(built, article.text);
  const firstScanMs = msSince(start);
  start = now();
  built.search(records[0]!.title.slice(1), 10);
  const firstFuzzyMs = msSince(start);
  return [
    `${size.toLocaleString('en')} records, load ${os.loadavg()[0]!.toFixed(2)}:`,
    `index ${index.ms.toFixed(0)} ms (CPU ${index.cpuMs.toFixed(0)}), ${index.heapMB.toFixed(1)} MB;`,
    `Map ${map.ms.toFixed(0)} ms (CPU ${map.cpuMs.toFixed(0)}), ${map.heapMB.toFixed(1)} MB;`,
    `index ÷ Map ${(index.ms / map.ms).toFixed(2)}× (CPU ${(index.cpuMs / map.cpuMs).toFixed(2)}×) / heap ${(index.heapMB / map.heapMB).toFixed(2)}×;`,
    `first mention scan ${firstScanMs.toFixed(1)} ms, first fuzzy query ${firstFuzzyMs.toFixed(0)} ms`,
  ].join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Targets and report

interface Target {
  readonly name: string;
  readonly target: string;
  readonly value: (result: SizeResult) => number;
  readonly pass: (result: SizeResult) => boolean;
}

const TARGETS: readonly Target[] = [
  { name: 'build time', target: '≤ 1000 ms', value: (r) => r.build.index.ms, pass: (r) => r.build.index.ms <= 1_000 },
  {
    name: 'build ≤ 3× Map, heap ≤ 2×',
    target: '≤ 3× / ≤ 2× the Map',
    value: (r) => r.build.index.ms / r.build.map.ms,
    pass: (r) => r.build.index.ms <= 3 * r.build.map.ms && r.build.index.heapMB <= 2 * r.build.map.heapMB,
  },
  { name: 'build heap', target: '≤ 300 MB', value: (r) => r.build.index.heapMB, pass: (r) => r.build.index.heapMB <= 300 },
  { name: 'alias lookup p95', target: '≤ 0.05 ms', value: (r) => r.lookup.latencyMs.p95, pass: (r) => r.lookup.latencyMs.p95 <= 0.05 },
  { name: 'fuzzy one-typo p95', target: '≤ 5 ms', value: (r) => r.fuzzy.index.latencyMs.p95, pass: (r) => r.fuzzy.index.latencyMs.p95 <= 5 },
  {
    name: 'fuzzy hit@10 ≥ baseline',
    target: '≥ baseline (same queries)',
    value: (r) => r.fuzzy.indexOnBaselineQueries.hitAt10,
    pass: (r) => r.fuzzy.indexOnBaselineQueries.hitAt10 >= r.fuzzy.baseline.hitAt10,
  },
  { name: 'resolve mentions (weak aliases) 5 KB p95', target: '≤ 5 ms', value: (r) => r.mentions.resolveWeakMs.p95, pass: (r) => r.mentions.resolveWeakMs.p95 <= 5 },
  { name: 'mentions 5 KB p95', target: '≤ 5 ms', value: (r) => r.mentions.latencyMs.p95, pass: (r) => r.mentions.latencyMs.p95 <= 5 },
];

type Row = { label: string; cells: (result: SizeResult) => string; target?: Target };

const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4));
const mb = (value: number): string => value.toFixed(1);
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const count = (value: number): string => value.toLocaleString('en');

function rows(): Row[] {
  const target = (name: string): Target => TARGETS.find((candidate) => candidate.name === name)!;
  return [
    { label: 'corpus: generate (ms)', cells: (r) => ms(r.corpus.generateMs) },
    { label: 'corpus: records heap (MB)', cells: (r) => mb(r.corpus.recordsHeapMB) },
    { label: 'corpus: names (distinct)', cells: (r) => `${count(r.corpus.names)} (${count(r.corpus.distinctNames)})` },
    { label: 'corpus: zh / en titles', cells: (r) => `${count(r.corpus.zhTitles)} / ${count(r.corpus.enTitles)}` },
    { label: 'build index (ms)', cells: (r) => ms(r.build.index.ms), target: target('build time') },
    { label: 'build index heap (MB)', cells: (r) => mb(r.build.index.heapMB), target: target('build heap') },
    { label: '  plain Map of the names (ms / MB)', cells: (r) => `${ms(r.build.map.ms)} / ${mb(r.build.map.heapMB)}` },
    { label: '  index ÷ Map: time / heap', cells: (r) => `${(r.build.index.ms / r.build.map.ms).toFixed(2)}× / ${(r.build.index.heapMB / r.build.map.heapMB).toFixed(2)}×`, target: target('build ≤ 3× Map, heap ≤ 2×') },
    { label: '  first fuzzy query after the build (ms / MB)', cells: (r) => `${ms(r.firstFuzzy.ms)} / ${mb(r.firstFuzzy.heapMB)}` },
    { label: '  alias matcher alone (ms)', cells: (r) => ms(r.build.aliasMatcherOnly.ms) },
    { label: '  alias matcher alone heap (MB)', cells: (r) => mb(r.build.aliasMatcherOnly.heapMB) },
    { label: '  fuzzy search alone (ms)', cells: (r) => ms(r.build.fuzzySearchOnly.ms) },
    { label: '  fuzzy search alone heap (MB)', cells: (r) => mb(r.build.fuzzySearchOnly.heapMB) },
    { label: 'build baseline fuse.js (ms)', cells: (r) => ms(r.build.baseline.ms) },
    { label: 'build baseline heap (MB)', cells: (r) => mb(r.build.baseline.heapMB) },
    { label: 'alias lookup p50 (ms)', cells: (r) => ms(r.lookup.latencyMs.p50) },
    { label: 'alias lookup p95 (ms)', cells: (r) => ms(r.lookup.latencyMs.p95), target: target('alias lookup p95') },
    { label: 'alias lookup found', cells: (r) => `${count(r.lookup.found)}/${count(r.lookup.lookups)}` },
    { label: 'fuzzy index queries', cells: (r) => count(r.fuzzy.index.queries) },
    { label: 'fuzzy index p50 (ms)', cells: (r) => ms(r.fuzzy.index.latencyMs.p50) },
    { label: 'fuzzy index p95 (ms)', cells: (r) => ms(r.fuzzy.index.latencyMs.p95), target: target('fuzzy one-typo p95') },
    { label: '  zh titles p50 / p95 (ms)', cells: (r) => `${ms(r.fuzzy.index.latencyZhMs!.p50)} / ${ms(r.fuzzy.index.latencyZhMs!.p95)}` },
    { label: '  en titles p50 / p95 (ms)', cells: (r) => `${ms(r.fuzzy.index.latencyEnMs!.p50)} / ${ms(r.fuzzy.index.latencyEnMs!.p95)}` },
    { label: 'fuzzy index hit@1', cells: (r) => pct(r.fuzzy.index.hitAt1) },
    { label: 'fuzzy index hit@10', cells: (r) => pct(r.fuzzy.index.hitAt10) },
    { label: 'fuzzy baseline queries', cells: (r) => count(r.fuzzy.baseline.queries) },
    { label: 'fuzzy baseline p50 (ms)', cells: (r) => ms(r.fuzzy.baseline.latencyMs.p50) },
    { label: 'fuzzy baseline p95 (ms)', cells: (r) => ms(r.fuzzy.baseline.latencyMs.p95) },
    { label: 'fuzzy baseline hit@1', cells: (r) => pct(r.fuzzy.baseline.hitAt1) },
    { label: 'fuzzy baseline hit@10', cells: (r) => pct(r.fuzzy.baseline.hitAt10) },
    {
      label: 'index hit@1/@10 on baseline queries',
      cells: (r) => `${pct(r.fuzzy.indexOnBaselineQueries.hitAt1)} / ${pct(r.fuzzy.indexOnBaselineQueries.hitAt10)}`,
      target: target('fuzzy hit@10 ≥ baseline'),
    },
    { label: 'mentions article (chars / bytes)', cells: (r) => `${count(r.mentions.articleChars)} / ${count(r.mentions.articleBytes)}` },
    { label: 'mentions p50 (ms)', cells: (r) => ms(r.mentions.latencyMs.p50) },
    { label: 'mentions p95 (ms)', cells: (r) => ms(r.mentions.latencyMs.p95), target: target('mentions 5 KB p95') },
    { label: 'mentions found (ambiguous)', cells: (r) => `${count(r.mentions.found)} (${count(r.mentions.ambiguous)})` },
    { label: 'inserted aliases found', cells: (r) => `${r.mentions.insertedFound}/${r.mentions.inserted}` },
    { label: 'weak (alias, record) pairs', cells: (r) => count(r.mentions.weakPairs) },
    { label: 'resolve mentions p50 weak on / none weak (ms)', cells: (r) => `${ms(r.mentions.resolveWeakMs.p50)} / ${ms(r.mentions.resolveNoneWeakMs.p50)}` },
    { label: 'resolve mentions p95, weak on (ms)', cells: (r) => ms(r.mentions.resolveWeakMs.p95), target: target('resolve mentions (weak aliases) 5 KB p95') },
    { label: 'resolve mentions p95, none weak (ms)', cells: (r) => ms(r.mentions.resolveNoneWeakMs.p95) },
  ];
}

function table(results: readonly SizeResult[]): string {
  const targetSize = results.find((result) => result.size === LARGE) ?? results[results.length - 1]!;
  const statusHeader = targetSize.size === LARGE ? 'status @100k' : `status @${targetSize.size.toLocaleString('en')} (targets are for 100k)`;
  const header = ['metric', ...results.map((result) => result.size.toLocaleString('en')), 'target (100k)', statusHeader];
  const body = rows().map((row) => [
    row.label,
    ...results.map((result) => row.cells(result)),
    row.target?.target ?? '',
    row.target ? (row.target.pass(targetSize) ? 'PASS' : 'FAIL') : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((line) => displayWidth(line[column]!))));
  const format = (line: readonly string[]) => line.map((cell, column) => (column === 0 || column >= header.length - 2 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!))).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(header), rule, ...body.map(format)].join('\n');
}

/** Terminal width: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const vocabulary = vocabularySize();
  const cpus = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    seed: options.seed,
    exposeGc: typeof global.gc === 'function',
    vocabulary,
  };
  log(`node ${meta.node}, ${meta.platform}, ${meta.cpu}; vocabulary ${vocabulary.zh} zh / ${vocabulary.en} en words`);

  if (options.variantsOnly) {
    const size = options.sizes[options.sizes.length - 1]!;
    const variants = benchVariants(size, options.seed, log);
    console.log(`Mention variants (bench/variantBench.ts; min of wall and CPU time per resolve) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(variantTable(variants));
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ meta, variants }, null, 2)}\n`);
    return;
  }
  if (options.articlesOnly) {
    const articles = benchArticles(options.seed, log, options.quick ? 200 : 1_000, options.quick ? 1_000 : 10_000);
    console.log(`Articles and CLI (bench/articleBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(articleTable(articles));
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ meta, articles }, null, 2)}\n`);
    return;
  }
  if (options.tagsOnly) {
    const tags = benchTags(options.seed, log, options.quick ? 5_000 : 50_000);
    console.log(`Tag completion (${tags.tags.toLocaleString('en')} tags; bench/tagBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(tagTable(tags));
    return;
  }
  if (options.buildOnly) {
    for (const size of options.sizes) console.log(benchBuildOnly(size, options.seed));
    return;
  }
  if (options.scaleOnly) {
    const scale = await benchScale(options.seed, log, options.quick);
    console.log(`Articles at scale (bench/scaleBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}, load ${os.loadavg()[0]!.toFixed(2)}`);
    console.log('');
    console.log(scaleTable(scale));
    if (options.json) writeFileSync(options.json, `${JSON.stringify({ meta: { ...meta, quick: options.quick, load1: os.loadavg()[0] }, scale }, null, 2)}\n`);
    return;
  }
  if (options.librariesOnly) {
    console.log(`Reference libraries (bench/libraryBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(libraryTable({ ...benchLibraries(options.seed, log, options.librarySize), bibtexChange: await benchBibtexChange(options.seed, options.librarySize) }));
    return;
  }
  if (options.citationsOnly) {
    console.log(`Citation completion (bench/citationBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(citationTable(benchCitations(options.seed, log)));
    return;
  }
  // First, while the process is fresh: the law index's load is meant to be measured cold.
  const laws: LawBenchResult = await benchLaws(options.seed, log);
  if (options.lawsOnly) {
    console.log(`Statute references (the national law database; bench/lawBench.ts) — node ${meta.node}, ${meta.platform}, ${meta.cpu}`);
    console.log('');
    console.log(lawTable(laws));
    return;
  }
  collect();

  // Warm up the code paths once on a small corpus, so the first measured size does not pay for the JIT alone.
  {
    const warm = generateCorpus(500, { seed: options.seed + 1 });
    const index = new CorpusIndex();
    for (const record of warm) index.set(record);
    for (const record of warm.slice(0, 50)) index.search(record.title.slice(1), 10);
    findMentionReferences(index, generateArticle(warm, 1).text);
  }

  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    results.push(benchSize(size, options.seed, options.quick));
    collect();
  }

  console.log(`Policy Annotator benchmark — node ${meta.node}, ${meta.platform}, ${meta.cpu}, seed ${meta.seed}`);
  console.log(
    `Synthetic corpus (bench/generateCorpus.ts; vocabulary ${vocabulary.zh} zh / ${vocabulary.en} en words). Times in ms (p50/p95 nearest rank), heap in MB (2^20 bytes, heapUsed growth after gc).`,
  );
  console.log('');
  console.log(table(results));
  console.log('');
  const notes = [
    `Build: time is the median of ${results.map((r) => `${r.build.index.runs.length} run${r.build.index.runs.length > 1 ? 's' : ''} @${r.size.toLocaleString('en')}`).join(', ')}, heap growth that of the first run. Baseline = new Fuse(records, {...FUSE_OPTIONS, keys: [${BASELINE_KEYS.map((key) => `'${key}'`).join(', ')}]}): plain fuse.js over every record, no candidate pre-selection.`,
    `Fuzzy: ${FUZZY_QUERIES} queries, each a random record's title with one CJK character / Latin letter substituted, deleted or inserted; hit@k = source record in the top k.`,
  ];
  if (results.some((r) => r.size >= LARGE)) {
    notes.push(`At ≥100k the baseline ran only the first ${BASELINE_QUERIES_LARGE} of the queries (plain Fuse over the whole corpus is slow); the hit@10 target compares the index on those same ${BASELINE_QUERIES_LARGE} queries.`);
  }
  notes.push(`Mentions: findMentionReferences on a ~5 KB Markdown article with ${ARTICLE_ALIASES} exact aliases of random records, ${MENTION_RUNS} runs.`);
  notes.push('Targets are reported, never enforced: a FAIL does not change the exit code.');
  for (const note of notes) console.log(`- ${note}`);
  if (!meta.exposeGc) console.log('- WARNING: global.gc was not available (run node with --expose-gc): heap numbers include garbage.');

  let articles: ArticleBenchResult | undefined;
  if (!options.skipArticles) {
    collect();
    articles = benchArticles(options.seed, log, options.quick ? 200 : 1_000, options.quick ? 1_000 : 10_000);
    console.log('');
    console.log(`Articles and CLI (embedded corpus + 10,000 synthetic records = ${articles.corpusRecords.toLocaleString('en')} records)`);
    console.log('');
    console.log(articleTable(articles));
  }
  let tags: TagBenchResult | undefined;
  if (!options.skipArticles) {
    collect();
    tags = benchTags(options.seed, log, options.quick ? 5_000 : 50_000);
    console.log('');
    console.log(`Tag completion (${tags.tags.toLocaleString('en')} tags)`);
    console.log('');
    console.log(tagTable(tags));
  }

  let citations: CitationBenchResult | undefined;
  if (!options.skipArticles) {
    collect();
    citations = benchCitations(options.seed, log);
    console.log('');
    console.log(`Citation completion (${citations.records.toLocaleString('en')} records; bench/citationBench.ts)`);
    console.log('');
    console.log(citationTable(citations));
  }

  let scale: ScaleBenchResult | undefined;
  if (!options.skipArticles) {
    collect();
    scale = await benchScale(options.seed, log, options.quick);
    console.log('');
    console.log(`Articles at scale (bench/scaleBench.ts; the same corpus as the articles' bench)`);
    console.log('');
    console.log(scaleTable(scale));
  }

  let libraries: (LibraryBenchResult & { bibtexChange?: Awaited<ReturnType<typeof benchBibtexChange>> }) | undefined;
  if (!options.skipArticles) {
    collect();
    libraries = { ...benchLibraries(options.seed, log, options.librarySize), bibtexChange: await benchBibtexChange(options.seed, options.librarySize) };
    console.log('');
    console.log(`Reference libraries as the corpus (bench/libraryBench.ts; the same ${options.librarySize.toLocaleString('en')} synthetic records in three formats)`);
    console.log('');
    console.log(libraryTable(libraries));
  }

  let variants: ReturnType<typeof benchVariants> | undefined;
  if (!options.skipArticles) {
    variants = benchVariants(options.sizes[options.sizes.length - 1]!, options.seed, log);
    console.log('');
    console.log('Mention variants (bench/variantBench.ts; cross-strait conversion and the fuzzy pass, CPU time)');
    console.log('');
    console.log(variantTable(variants));
  }

  console.log('');
  console.log('Statute references (the national law database; bench/lawBench.ts)');
  console.log('');
  console.log(lawTable(laws));

  if (options.json) {
    const targetSize = results.find((result) => result.size === LARGE) ?? results[results.length - 1]!;
    const targets = TARGETS.map((target) => ({ name: target.name, target: target.target, size: targetSize.size, value: target.value(targetSize), pass: target.pass(targetSize) }));
    const summary = buildSummary({
      largest: {
        buildMs: targetSize.build.index.ms,
        buildHeapMB: targetSize.build.index.heapMB,
        mapBuildMs: targetSize.build.map.ms,
        mapHeapMB: targetSize.build.map.heapMB,
        fuzzyP95Ms: targetSize.fuzzy.index.latencyMs.p95,
        fuzzyHitAt10: targetSize.fuzzy.indexOnBaselineQueries.hitAt10,
        fuseHitAt10: targetSize.fuzzy.baseline.hitAt10,
        mentionsP95Ms: targetSize.mentions.latencyMs.p95,
      },
      ...(tags ? { tags: { typoP95Ms: tags.typo.p95, prefixP95Ms: tags.prefix.p95 } } : {}),
      ...(scale ? { scale: { longestStallMs: scale.stall.longestGapMs, keystrokeP95Ms: scale.keystroke.p95, referencesP95Ms: scale.references.p95 } } : {}),
      ...(articles ? { check: articles.check } : {}),
      ...('skipped' in laws ? {} : { laws: { coldLoadMs: laws.load.ms, firstUseMaxMs: laws.firstUse.max } }),
    });
    writeFileSync(options.json, `${JSON.stringify({ meta: { ...meta, quick: options.quick, load1: os.loadavg()[0] }, summary, results, targets, articles, tags, citations, scale, laws, libraries, variants }, null, 2)}\n`);
    console.log(`- JSON written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
