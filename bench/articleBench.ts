// Article and CLI benchmarks: hover on a warm document, annotating a 1 MB article, `check` over 1,000 articles.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeArticle, referenceAtOffset, type ArticleAnalysis } from '../src/core/article/analysis';
import { REFERENCE_KINDS } from '../src/core/article/resolve';
import { loadEmbeddedCorpus } from '../src/core/corpus/embeddedCorpus';
import { VersionedCache } from '../src/core/documentReferences';
import { renderHoverCard } from '../src/core/hoverCard';
import { CorpusIndex } from '../src/core/search/corpusIndex';
import { generateCorpus, mulberry32 } from './generateCorpus';

export interface ArticleBenchResult {
  readonly corpusRecords: number;
  readonly hover: { p50: number; p95: number; samples: number; cards: number };
  readonly annotate1mb: { bytes: number; runs: number[]; median: number; references: number; diagnostics: number };
  readonly check1000: { files: number; bytesEach: number; seconds: number; exitCode: number | null; summary: string; articlesPerSecond: number };
  /**
   * `check`'s throughput on `files` articles: one thread (--jobs 1), its default worker threads (one per core),
   * and the limit: as many independent --jobs 1 processes as workers, each on its share of the files, started
   * together (what the machine gives to work that shares nothing).
   */
  readonly check: { files: number; articlesPerSecond1Worker: number; articlesPerSecondAllWorkers: number; workers: number; articlesPerSecondIndependentProcesses: number };
}

const root = path.join(__dirname, '..', '..');
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The seed-style fixture article, repeated to `bytes`, with a few words changed per copy. */
export function articleOfSize(bytes: number, seed: number): string {
  const base = readFileSync(path.join(root, 'test', 'fixtures', 'articles', 'mou-commentary.md'), 'utf8');
  const random = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    const part = base.replace('英美攜手', `第${copy}篇：英美攜手`).replace('2024年4月1日', `2024年4月${1 + Math.floor(random() * 28)}日`);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('\n');
}

/** `checkFiles`: how many articles `check` reads (1,000; fewer in a --quick run); `scalingFiles`: the same for the worker threads' figures. */
export function benchArticles(seed: number, log: (message: string) => void, checkFiles = 1_000, scalingFiles = 10_000): ArticleBenchResult {
  // The embedded corpus plus 10,000 synthetic records: an editorial team's corpus of a realistic size.
  const index = new CorpusIndex();
  for (const file of loadEmbeddedCorpus()) for (const record of file.records) index.set(record);
  for (const record of generateCorpus(10_000, { seed })) index.set(record);

  log('articles: hover on a warm 5 KB document');
  const document = articleOfSize(5 * 1024, seed);
  const cache = new VersionedCache<ArticleAnalysis>();
  const analysisOf = () => cache.get('file:///article.md', `1:${index.generation}`, () => analyzeArticle(document, index, options));
  analysisOf();
  const random = mulberry32(seed + 7);
  const samples: number[] = [];
  let cards = 0;
  for (let run = 0; run < 5_000; run++) {
    const offset = Math.floor(random() * document.length);
    const started = process.hrtime.bigint();
    const analysis = analysisOf();
    const reference = referenceAtOffset(analysis.references, offset);
    const record = reference?.id ? index.get(reference.id) : undefined;
    if (record) {
      renderHoverCard(record, 'zh', { citedCount: analysis.counts.get(record.id) ?? 0, commands: true });
      cards++;
    }
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  log('articles: annotating a 1 MB article');
  const large = articleOfSize(1024 * 1024, seed);
  const runs: number[] = [];
  let last: ArticleAnalysis | undefined;
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    last = analyzeArticle(large, index, options);
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  log(`articles: check over ${checkFiles.toLocaleString('en')} articles of 5 KB (whole process)`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-bench-'));
  mkdirSync(path.join(folder, 'articles'));
  for (let n = 0; n < checkFiles; n++) writeFileSync(path.join(folder, 'articles', `article-${String(n).padStart(4, '0')}.md`), articleOfSize(5 * 1024, seed + n));
  // Once on one thread (--jobs 1), once with the default: a worker thread per core.
  const timedCheck = (jobs: string[]) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', ...jobs, 'articles/*.md'], { cwd: folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const { result: check, seconds } = timedCheck([]);
  rmSync(folder, { recursive: true, force: true });
  const summary = check.stdout.trim().split('\n').pop() ?? check.stderr.trim();
  const scaling = checkScaling(seed, log, scalingFiles);

  return {
    corpusRecords: index.size,
    hover: { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length, cards },
    annotate1mb: { bytes: Buffer.byteLength(large), runs, median: percentile(runs, 50), references: last!.references.length, diagnostics: last!.diagnostics.length },
    check1000: { files: checkFiles, bytesEach: 5 * 1024, seconds, exitCode: check.status, summary, articlesPerSecond: checkFiles / seconds },
    check: scaling,
  };
}

export function articleTable(result: ArticleBenchResult): string {
  const rows: Array<[string, string, string, string]> = [
    ['metric', 'value', 'target', 'status'],
    [`hover, warm document: p50 / p95 (ms; ${result.hover.samples} positions, ${result.hover.cards} cards)`, `${result.hover.p50.toFixed(4)} / ${result.hover.p95.toFixed(4)}`, '≤ 1 ms p95', result.hover.p95 <= 1 ? 'PASS' : 'FAIL'],
    [`annotate a ${(result.annotate1mb.bytes / 1024 / 1024).toFixed(2)} MB article: median of ${result.annotate1mb.runs.length} (ms)`, result.annotate1mb.median.toFixed(0), '≤ 300 ms', result.annotate1mb.median <= 300 ? 'PASS' : 'FAIL'],
    ['  references / diagnostics found', `${result.annotate1mb.references} / ${result.annotate1mb.diagnostics}`, '', ''],
    [`check ${result.check1000.files} articles of 5 KB, whole process (s)`, result.check1000.seconds.toFixed(2), '≤ 5 s', result.check1000.seconds <= 5 ? 'PASS' : 'FAIL'],
    ['  its summary line', result.check1000.summary, '', ''],
    [`check ${result.check.files.toLocaleString('en')} articles, articles per second: --jobs 1 / ${result.check.workers} workers (÷ --jobs 1)`, `${result.check.articlesPerSecond1Worker.toFixed(0)} / ${result.check.articlesPerSecondAllWorkers.toFixed(0)} (${(result.check.articlesPerSecondAllWorkers / result.check.articlesPerSecond1Worker).toFixed(2)}×)`, '≥ 1.7×', result.check.articlesPerSecondAllWorkers >= 1.7 * result.check.articlesPerSecond1Worker ? 'PASS' : 'FAIL'],
    [`  the limit: ${result.check.workers} independent --jobs 1 processes at once, each on its share (÷ --jobs 1)`, `${result.check.articlesPerSecondIndependentProcesses.toFixed(0)} (${(result.check.articlesPerSecondIndependentProcesses / result.check.articlesPerSecond1Worker).toFixed(2)}×)`, '', ''],
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row, line) => (line === 1 ? `${widths.map((width) => '-'.repeat(width)).join('  ')}\n` : '') + row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')).join('\n');
}

/**
 * `check` on `files` generated articles three ways: --jobs 1, the default worker threads, and the limit built in
 * the same run: one --jobs 1 process per worker, each on its share of the files, all started at once (two such
 * processes on a 2-core machine measured 1.6×, not 2×, of one: that is the machine, not the workers).
 */
function checkScaling(seed: number, log: (message: string) => void, files: number): ArticleBenchResult['check'] {
  const workers = os.availableParallelism();
  log(`articles: check over ${files.toLocaleString('en')} articles: --jobs 1, ${workers} workers, ${workers} independent processes`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-bench-'));
  mkdirSync(path.join(folder, 'articles'));
  const names: string[] = [];
  for (let n = 0; n < files; n++) {
    names.push(`articles/article-${String(n).padStart(5, '0')}.md`);
    writeFileSync(path.join(folder, names[n]!), articleOfSize(5 * 1024, seed + n));
  }
  const cli = path.join(root, 'dist', 'cli.js');
  const timed = (run: () => void) => {
    const started = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  // Every run writes its output to a file, so the three pay the same for it (a pipe to this process would
  // make the bench's own reading part of the figures).
  const check = (jobs: string[], output: string) => {
    const descriptor = openSync(path.join(folder, output), 'w');
    try {
      spawnSync(process.execPath, [cli, 'check', ...jobs, 'articles/*.md'], { cwd: folder, stdio: ['ignore', descriptor, 'ignore'] });
    } finally {
      closeSync(descriptor);
    }
  };
  const single = timed(() => check(['--jobs', '1'], 'single.txt'));
  const threaded = timed(() => check([], 'workers.txt'));
  if (!readFileSync(path.join(folder, 'single.txt')).equals(readFileSync(path.join(folder, 'workers.txt')))) log('articles: check --jobs 1 and the default wrote different output (a bug)');
  // The shares as file lists, and a small launcher that starts every process before waiting for any.
  const shares = Array.from({ length: workers }, (_, share) => names.filter((_, n) => n % workers === share));
  // The lists go through a file: one argument holding them all would pass the kernel's 128 KB per argument.
  writeFileSync(path.join(folder, 'shares.json'), JSON.stringify([cli, ...shares]));
  const launcher = `const { spawn } = require('node:child_process');
const [cli, ...shares] = JSON.parse(require('node:fs').readFileSync('shares.json', 'utf8'));
let left = shares.length;
shares.forEach((files, share) => {
  const output = require('node:fs').openSync('share-' + share + '.txt', 'w');
  spawn(process.execPath, [cli, 'check', '--jobs', '1', ...files], { stdio: ['ignore', output, 'ignore'] }).on('exit', () => { if (--left === 0) process.exit(0); });
});`;
  const independent = timed(() => spawnSync(process.execPath, ['-e', launcher], { cwd: folder, stdio: 'ignore' }));
  rmSync(folder, { recursive: true, force: true });
  return { files, workers, articlesPerSecond1Worker: files / single, articlesPerSecondAllWorkers: files / threaded, articlesPerSecondIndependentProcesses: files / independent };
}
