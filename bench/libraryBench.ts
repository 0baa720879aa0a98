// Reference libraries as the corpus: a 20,000-item Zotero CSL-JSON export and a 20,000-entry Better BibTeX
// .bib, generated from the synthetic corpus, parsed as the loader parses them (in steps), against the same
// records in our own JSON format in the same run (the baseline).
import type { CorpusRecord } from '../src/core/corpus/record';
import { parseCorpusFileSteps, type ParsedCorpusFile, type ParseOptions } from '../src/core/corpus/parseFile';
import { CorpusIndex } from '../src/core/search/corpusIndex';
import { libraryReaders } from '../src/libraryReaders/bundled';
import { generateCorpus, Rng } from './generateCorpus';

export interface LibraryBenchRow {
  readonly format: string;
  readonly entries: number;
  readonly megabytes: number;
  readonly records: number;
  readonly problems: number;
  /** CPU time of parsing, median of the runs. */
  readonly parseMs: number;
  /** The longest stretch of parsing between two yields (the host's longest stall). */
  readonly longestStepMs: number;
  /** Parsing plus indexing every record. */
  readonly loadMs: number;
}

export interface LibraryBenchResult {
  readonly rows: LibraryBenchRow[];
}

const FAMILY = ['Chen', 'Lin', 'Smith', 'Doe', 'Wang', 'Garcia', 'Berg', 'Tanaka'];
const GIVEN = ['Wei', 'Mei', 'Jane', 'John', 'Anton', 'Claire', 'Hiro', 'Ana'];
const CSL_TYPES: Readonly<Record<string, string>> = { law: 'legislation', report: 'report', article: 'article-newspaper', website: 'webpage', agreement: 'treaty', case: 'legal_case' };
const BIB_TYPES: Readonly<Record<string, string>> = { law: 'legislation', report: 'report', article: 'article', website: 'online', agreement: 'legal', case: 'jurisdiction' };

function creators(rng: Rng, cjk: boolean): Array<{ family: string; given: string } | { literal: string }> {
  const count = 1 + rng.int(3);
  return Array.from({ length: count }, () => (cjk && rng.int(2) === 0 ? { literal: '國家發展委員會' } : { family: FAMILY[rng.int(FAMILY.length)]!, given: GIVEN[rng.int(GIVEN.length)]! }));
}

function cslItem(record: CorpusRecord, rng: Rng, index: number): Record<string, unknown> {
  const cjk = /[\u3400-\u9fff]/.test(record.title);
  const [year, month, day] = (record.date ?? '2020-01-01').split('-').map(Number);
  return {
    id: `item${index}`,
    type: CSL_TYPES[record.type] ?? 'report',
    title: record.title,
    ...(record.aliases[0] ? { 'title-short': record.aliases[0] } : {}),
    author: creators(rng, cjk),
    'container-title': record.publisher ?? 'Example Publisher',
    issued: { 'date-parts': [[year, month ?? 1, day ?? 1].filter((part) => part !== undefined)] },
    accessed: { 'date-parts': [[2024, 1 + rng.int(12), 1 + rng.int(28)]] },
    URL: record.url ?? `https://example.org/items/${index}`,
    ...(rng.int(3) === 0 ? { DOI: `10.5555/bench.${index}` } : {}),
    abstract: record.summary.zh ?? record.summary.en ?? 'An abstract.',
    keywords: record.tags.join(', '),
    language: cjk ? 'zh-TW' : 'en',
    note: record.aliases.slice(1).map((alias) => `alias: ${alias}`).join('\n'),
  };
}

const bibEscape = (text: string) => text.replace(/[{}\\]/g, '').replace(/([&%$#_])/g, '\\$1');

function bibEntry(record: CorpusRecord, rng: Rng, index: number): string {
  const cjk = /[\u3400-\u9fff]/.test(record.title);
  const authors = creators(rng, cjk).map((name) => ('literal' in name ? `{${name.literal}}` : `${name.family}, ${name.given}`)).join(' and ');
  const fields = [
    `title = {${bibEscape(record.title)}}`,
    ...(record.aliases[0] ? [`shorttitle = {${bibEscape(record.aliases[0])}}`] : []),
    `author = {${authors}}`,
    `institution = {${bibEscape(record.publisher ?? 'Example Publisher')}}`,
    `date = {${record.date ?? '2020'}}`,
    `urldate = {2024-0${1 + rng.int(9)}-1${rng.int(10)}}`,
    `url = {${record.url ?? `https://example.org/items/${index}`}}`,
    ...(rng.int(3) === 0 ? [`doi = {10.5555/bench.${index}}`] : []),
    `keywords = {${bibEscape(record.tags.join(', '))}}`,
    `langid = {${cjk ? 'chinese-traditional' : 'english'}}`,
    ...(record.aliases.length > 1 ? [`note = {${record.aliases.slice(1).map((alias) => `alias: ${bibEscape(alias)}`).join('\n')}}`] : []),
  ];
  return `@${BIB_TYPES[record.type] ?? 'report'}{item${index},\n  ${fields.join(',\n  ')}\n}\n`;
}

function ownRecord(record: CorpusRecord): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record };
  delete fields.origin;
  return fields;
}

function parseTimed(uri: string, bytes: Uint8Array, options: ParseOptions): { parsed: ParsedCorpusFile; cpuMs: number; longestStepMs: number } {
  const steps = parseCorpusFileSteps(uri, bytes, options);
  let longest = 0;
  const started = process.cpuUsage();
  // CPU time of each step, not wall time: on a shared machine wall time counts the waits for a core too.
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  let stepStart = process.cpuUsage();
  let next = steps.next();
  while (!next.done) {
    longest = Math.max(longest, cpuMs(process.cpuUsage(stepStart)));
    stepStart = process.cpuUsage();
    next = steps.next();
  }
  longest = Math.max(longest, cpuMs(process.cpuUsage(stepStart)));
  const cpu = process.cpuUsage(started);
  return { parsed: next.value, cpuMs: (cpu.user + cpu.system) / 1000, longestStepMs: longest };
}

export function benchLibraries(seed: number, log: (message: string) => void, count = 20_000, runs = 3): LibraryBenchResult {
  log(`libraries: ${count.toLocaleString('en')} items as CSL-JSON, BibTeX and our JSON`);
  const records = generateCorpus(count, { seed: seed + 21 });
  const rng = new Rng(seed + 22);
  const encoder = new TextEncoder();
  const files = [
    { format: 'our JSON (baseline)', uri: 'file:///bench/corpus/records.json', bytes: encoder.encode(JSON.stringify(records.map(ownRecord), null, 1)) },
    { format: 'CSL-JSON (Zotero)', uri: 'file:///bench/corpus/library.json', bytes: encoder.encode(JSON.stringify(records.map((record, index) => cslItem(record, rng, index)), null, 2)) },
    { format: 'BibTeX (BibLaTeX)', uri: 'file:///bench/corpus/library.bib', bytes: encoder.encode(records.map((record, index) => bibEntry(record, rng, index)).join('\n')) },
  ];
  const rows: LibraryBenchRow[] = [];
  for (const file of files) {
    // Libraries this big are over the 5 MB default cap (policyAnnotator.corpus.maxFileSize): the bench raises it.
    const options: ParseOptions = { maxBytes: 64 * 1024 * 1024, readers: libraryReaders };
    parseTimed(file.uri, file.bytes, options); // warm-up
    const samples: number[] = [];
    const steps: number[] = [];
    let parsed!: ParsedCorpusFile;
    for (let run = 0; run < runs; run++) {
      const timed = parseTimed(file.uri, file.bytes, options);
      samples.push(timed.cpuMs);
      steps.push(timed.longestStepMs);
      parsed = timed.parsed;
    }
    const started = process.cpuUsage();
    const again = parseTimed(file.uri, file.bytes, options).parsed;
    const index = new CorpusIndex();
    for (const record of again.records) index.set(record);
    const cpu = process.cpuUsage(started);
    samples.sort((a, b) => a - b);
    steps.sort((a, b) => a - b);
    rows.push({
      format: file.format,
      entries: count,
      megabytes: file.bytes.byteLength / 1024 / 1024,
      records: parsed.records.length,
      problems: parsed.problems.filter((problem) => problem.severity !== 'info').length,
      parseMs: samples[Math.floor(samples.length / 2)]!,
      longestStepMs: steps[Math.floor(steps.length / 2)]!,
      loadMs: (cpu.user + cpu.system) / 1000,
    });
    log(`libraries: ${file.format} done`);
  }
  return { rows };
}

export function libraryTable(result: LibraryBenchResult): string {
  const header = '| format | entries | file MB | records | warnings+errors | parse ms (CPU, p50 of 3) | longest step ms (CPU) | parse + index ms (CPU) |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const row of result.rows) {
    lines.push(`| ${row.format} | ${row.entries.toLocaleString('en')} | ${row.megabytes.toFixed(1)} | ${row.records.toLocaleString('en')} | ${row.problems} | ${row.parseMs.toFixed(0)} | ${row.longestStepMs.toFixed(1)} | ${row.loadMs.toFixed(0)} |`);
  }
  return lines.join('\n');
}
