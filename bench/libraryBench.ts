// Reference libraries as the corpus: a 20,000-item Zotero CSL-JSON export and a 20,000-entry Better BibTeX
// .bib (bench/generateLibrary.ts: LaTeX accents, macros, crossref, URLs), generated from the synthetic corpus, parsed as the loader parses them (in steps), against the same
// records in our own JSON format in the same run (the baseline).
import type { CorpusRecord } from '../src/core/corpus/record';
import { parseCorpusFileSteps, type ParsedCorpusFile, type ParseOptions } from '../src/core/corpus/parseFile';
import { CorpusIndex } from '../src/core/search/corpusIndex';
import { CorpusStore } from '../src/core/corpus/corpusStore';
import { libraryReaders } from '../src/libraryReaders/bundled';
import { generateLibrary } from './generateLibrary';

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

/** One entry of the .bib changed, read again as the loader does (with the file's memo) and stored. */
export interface OneEntryChange {
  /** CPU time of the first read with an empty memo (the loader's first scan). */
  readonly firstParseMs: number;
  /** CPU time of reading the changed text with the memo. */
  readonly parseMs: number;
  /** CPU time of handing the new version to the store (CorpusStore.setFileSliced: only changed records are indexed). */
  readonly storeMs: number;
  /** Records that are new objects (read again) in the new version. */
  readonly reread: number;
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
  const library = generateLibrary(count, seed);
  const records = library.records;
  const encoder = new TextEncoder();
  const files = [
    { format: 'our JSON (baseline)', uri: 'file:///bench/corpus/records.json', bytes: encoder.encode(JSON.stringify(records.map(ownRecord), null, 1)) },
    { format: 'CSL-JSON (Zotero)', uri: 'file:///bench/corpus/library.json', bytes: encoder.encode(library.cslJson) },
    { format: 'BibTeX (BibLaTeX)', uri: 'file:///bench/corpus/library.bib', bytes: encoder.encode(library.bibtex) },
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

/** The loader's path for a changed .bib: read with the file's memo, then stored (CPU time; the second of two changes). */
export async function benchBibtexChange(seed: number, count = 20_000): Promise<OneEntryChange> {
  const uri = 'file:///bench/corpus/library.bib';
  const text = generateLibrary(count, seed).bibtex;
  const memo = new Map<string, unknown>();
  const options: ParseOptions = { maxBytes: 64 * 1024 * 1024, readers: libraryReaders, readerCache: memo };
  const first = parseTimed(uri, new TextEncoder().encode(text), options);
  const store = new CorpusStore(new CorpusIndex());
  await store.setFileSliced(first.parsed, () => Promise.resolve());
  // Each change edits one title in the middle of the file; the first is a warm-up.
  let current = text;
  let previous = first.parsed;
  let result: OneEntryChange | undefined;
  for (let round = 0; round < 2; round++) {
    const at = current.indexOf('title = {', Math.floor(current.length / 2) + round * 1000) + 'title = {'.length;
    current = `${current.slice(0, at)}Changed ${round} ${current.slice(at)}`;
    const timed = parseTimed(uri, new TextEncoder().encode(current), options);
    // Nothing else runs in the bench meanwhile: the CPU time across the awaits is the store's.
    const started = process.cpuUsage();
    await store.setFileSliced(timed.parsed, () => Promise.resolve());
    const cpu = process.cpuUsage(started);
    const old = new Set(previous.records);
    result = { firstParseMs: first.cpuMs, parseMs: timed.cpuMs, storeMs: (cpu.user + cpu.system) / 1000, reread: timed.parsed.records.filter((record) => !old.has(record)).length };
    previous = timed.parsed;
  }
  return result!;
}

export function libraryTable(result: LibraryBenchResult & { readonly bibtexChange?: OneEntryChange }): string {
  const header = '| format | entries | file MB | records | warnings+errors | parse ms (CPU, p50 of 3) | longest step ms (CPU) | parse + index ms (CPU) |';
  const lines = [header, '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const row of result.rows) {
    lines.push(`| ${row.format} | ${row.entries.toLocaleString('en')} | ${row.megabytes.toFixed(1)} | ${row.records.toLocaleString('en')} | ${row.problems} | ${row.parseMs.toFixed(0)} | ${row.longestStepMs.toFixed(1)} | ${row.loadMs.toFixed(0)} |`);
  }
  const change = result.bibtexChange;
  if (change) {
    lines.push('', `One entry of the BibTeX library changed, read again with the file's memo (the loader's path): parse ${change.parseMs.toFixed(0)} ms CPU (the first read: ${change.firstParseMs.toFixed(0)} ms), store and index ${change.storeMs.toFixed(0)} ms CPU; ${change.reread} records read again (a crossref child is read again only when its parent's chunk changed).`);
  }
  return lines.join('\n');
}
