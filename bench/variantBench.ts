// Mention variants (issue 21): the cost of cross-strait conversion and of the fuzzy mention pass (bracketed
// titles, inserted words) when resolving the mentions of a 5 KB article against 100k synthetic records plus
// the embedded corpus. Resolves are bench/sampleTime.ts's figure (the smaller of wall and process CPU time:
// other processes' load and V8's background threads fall out); the tables' build is CPU time.
//   npm run bench -- --variants-only [--sizes 100k] [--json variants.json]
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { parseArticle } from '../src/core/article/article';
import { resolveArticle } from '../src/core/article/resolve';
import { loadEmbeddedCorpus } from '../src/core/corpus/embeddedCorpus';
import { CorpusIndex } from '../src/core/search/corpusIndex';
import { createCrossStraitConverter } from '../src/crossStrait/bundled';
import { createConverter } from '../src/crossStrait/tables';
import { mentionVariants } from '../src/mentionVariants/bundled';
import { generateArticle, generateCorpus, Rng } from './generateCorpus';
import { sampleTime } from './sampleTime';

const RUNS = 200;
const WARMUP = 20;

export interface VariantBenchResult {
  readonly records: number;
  readonly tablesLoadMs: number;
  readonly articleChars: number;
  /** ms per resolve of the article's mentions (bench/sampleTime.ts): p50 / p95. */
  readonly exactOnly: { p50: number; p95: number };
  readonly zhTw: { p50: number; p95: number; fuzzy: number };
  readonly zhCn: { p50: number; p95: number; fuzzy: number; found: number; foundTw: number };
  readonly conversionMs: { p50: number; p95: number };
  /** zh-TW resolves' p95 in process CPU time (V8's background threads included). */
  readonly zhTwProcessCpuP95: number;
}

function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { p50: at(50), p95: at(95) };
}

export function benchVariants(size: number, seed: number, log: (message: string) => void): VariantBenchResult {
  log(`variants: ${size.toLocaleString('en')} synthetic records + the embedded corpus`);
  const records = [...generateCorpus(size, { seed }), ...loadEmbeddedCorpus().flatMap((file) => file.records)];
  const plain = new CorpusIndex();
  plain.setMany(records);
  const index = new CorpusIndex();
  index.setMany(records);
  let converter!: ReturnType<typeof createCrossStraitConverter>;
  const tablesLoadMs = cpuMs(() => (converter = createCrossStraitConverter()));
  index.setCrossStrait(converter);
  index.setMentionVariants(mentionVariants);
  // The synthetic article, with ten bracketed titles that have a word inserted (《…研究…》).
  const rng = new Rng(seed ^ 21);
  let text = generateArticle(records, seed ^ (size * 31)).text;
  for (let count = 0; count < 10; count++) {
    const record = rng.pick(records);
    const name = record.title;
    const cut = Math.max(1, Math.floor(name.length / 2));
    text += `\n\n評論提到《${name.slice(0, cut)}研究${name.slice(cut)}》。`;
  }
  const simplified = createConverter([[TSPhrases, TSCharacters]], '', '').convert(text).text;
  const tw = parseArticle(text);
  const cn = parseArticle(simplified);
  const options = { threshold: 0.7, kinds: new Set(['mention'] as const) };
  for (let run = 0; run < WARMUP; run++) {
    resolveArticle(tw, index, options);
    resolveArticle(cn, index, options);
    resolveArticle(tw, plain, options);
  }
  const times = { exact: [] as number[], tw: [] as number[], cn: [] as number[], conversion: [] as number[], twProcessCpu: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    times.exact.push(sampleTime(() => resolveArticle(tw, plain, options)).ms);
    const twSample = sampleTime(() => resolveArticle(tw, index, options));
    times.tw.push(twSample.ms);
    times.twProcessCpu.push(twSample.processCpuMs);
    times.cn.push(sampleTime(() => resolveArticle(cn, index, options)).ms);
    times.conversion.push(sampleTime(() => converter.convert(simplified)).ms);
  }
  const twReferences = resolveArticle(tw, index, options);
  const cnReferences = resolveArticle(cn, index, options);
  return {
    records: records.length,
    tablesLoadMs,
    articleChars: text.length,
    exactOnly: percentiles(times.exact),
    zhTw: { ...percentiles(times.tw), fuzzy: twReferences.filter((reference) => reference.match === 'fuzzy').length },
    zhCn: {
      ...percentiles(times.cn),
      fuzzy: cnReferences.filter((reference) => reference.match === 'fuzzy').length,
      found: cnReferences.filter((reference) => reference.id).length,
      foundTw: twReferences.filter((reference) => reference.id).length,
    },
    conversionMs: percentiles(times.conversion),
    zhTwProcessCpuP95: percentiles(times.twProcessCpu).p95,
  };
}

export function variantTable(result: VariantBenchResult): string {
  const ms = (value: number) => value.toFixed(2);
  return [
    '| mention variants | value | target |',
    '|---|---:|---|',
    `| records | ${result.records.toLocaleString('en')} | |`,
    `| conversion tables: build (CPU ms, once) | ${ms(result.tablesLoadMs)} | |`,
    `| article (chars) | ${result.articleChars.toLocaleString('en')} | |`,
    `| resolve mentions, exact only (no variants) p50 / p95 (ms, main thread: min of wall and CPU) | ${ms(result.exactOnly.p50)} / ${ms(result.exactOnly.p95)} | |`,
    `| resolve mentions zh-TW, variants on p50 / p95 | ${ms(result.zhTw.p50)} / ${ms(result.zhTw.p95)} | p95 ≤ 5 ms |`,
    `| the same p95 in process CPU time (V8 background threads included) | ${ms(result.zhTwProcessCpuP95)} | |`,
    `| resolve mentions zh-CN (converted) p50 / p95 | ${ms(result.zhCn.p50)} / ${ms(result.zhCn.p95)} | p95 ≤ 5 ms |`,
    `| conversion alone p50 / p95 | ${ms(result.conversionMs.p50)} / ${ms(result.conversionMs.p95)} | |`,
    `| references zh-TW / zh-CN (fuzzy) | ${result.zhCn.foundTw} / ${result.zhCn.found} (${result.zhTw.fuzzy} / ${result.zhCn.fuzzy}) | |`,
  ].join('\n');
}
