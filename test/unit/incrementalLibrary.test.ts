import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateLibrary } from '../../bench/generateLibrary';
import { Rng } from '../../bench/generateCorpus';
import { CorpusStore } from '../../src/core/corpus/corpusStore';
import { parseCorpusFile, type ParsedCorpusFile } from '../../src/core/corpus/parseFile';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { libraryReaders } from '../../src/libraryReaders/bundled';
import { bytes, cpuTimeMsAsync } from './helpers';

const URI = 'file:///ws/corpus/library.bib';

function parse(text: string, readerCache?: Map<string, unknown>): ParsedCorpusFile {
  return parseCorpusFile(URI, bytes(text), { maxBytes: 64 * 1024 * 1024, readers: libraryReaders, ...(readerCache ? { readerCache } : {}) });
}

/** What "the same corpus" means: every record whole (lines included), every problem, and the lookups. */
function snapshot(index: CorpusIndex, store: CorpusStore) {
  const records = [...index.records()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    records: records.map((record) => JSON.stringify(record)),
    problems: [...store.problems()].flatMap(([uri, list]) => list.map((problem) => `${uri}:${problem.line}:${problem.code}:${problem.message}`)).sort(),
    names: records.flatMap((record) => [record.title, ...record.aliases].map((name) => `${name}→${index.lookupName(name).join(',')}`)),
    urls: records.map((record) => (record.url ? `${record.url}→${index.lookupUrl(record.url).join(',')}` : '')),
    generationMoved: index.generation > 0,
  };
}

/** The library as a list of entries (each starting at a line with @), so edits can pick one. */
function entriesOf(text: string): string[] {
  return text.split(/\n(?=@)/);
}

type Edit = (entries: string[], rng: Rng, serial: number) => void;
const pick = (entries: string[], rng: Rng) => 4 + rng.int(entries.length - 4); // the first entries are @string macros
const EDITS: Record<string, Edit> = {
  'retitle an entry': (entries, rng, serial) => {
    const at = pick(entries, rng);
    entries[at] = entries[at]!.replace(/title = \{/, `title = {Revised ${serial} `);
  },
  'change a URL': (entries, rng, serial) => {
    const at = pick(entries, rng);
    entries[at] = entries[at]!.replace(/url = \{[^}]*\}/, `url = {https://example.org/changed/${serial}}`);
  },
  'change only a date': (entries, rng) => {
    const at = pick(entries, rng);
    entries[at] = entries[at]!.replace(/urldate = \{[^}]*\}/, `urldate = {2025-0${1 + rng.int(9)}-0${1 + rng.int(9)}}`);
  },
  'delete an entry': (entries, rng) => {
    entries.splice(pick(entries, rng), 1);
  },
  'insert an entry (the lines below it move)': (entries, rng, serial) => {
    entries.splice(pick(entries, rng), 0, `@report{inserted${serial},\n  title = {Inserted report ${serial}},\n  shorttitle = {Inserted ${serial}},\n  url = {https://example.org/inserted/${serial}}\n}\n`);
  },
  'give an entry the key of another (a duplicate id)': (entries, rng) => {
    const from = pick(entries, rng);
    const key = /^@\w+\{([^,]+),/.exec(entries[pick(entries, rng)]!)?.[1];
    if (key) entries[from] = entries[from]!.replace(/^(@\w+\{)[^,]+,/, `$1${key},`);
  },
  'break an entry (unbalanced brace)': (entries, rng) => {
    const at = pick(entries, rng);
    entries[at] = entries[at]!.replace(/title = \{/, 'title = {{');
  },
  'add an alias to an entry': (entries, rng, serial) => {
    const at = pick(entries, rng);
    entries[at] = entries[at]!.replace(/\n\}\n?$/, `,\n  annotation = {alias: Added alias ${serial}}\n}\n`);
  },
};

test('property: after random edits, re-reading the changed library gives the corpus a fresh load gives', async () => {
  const seed = Number(process.env.POLICY_ANNOTATOR_SEED ?? 16);
  const rng = new Rng(seed);
  // Over the store's chunk (256 records), so the sliced path is the one tested.
  const entries = entriesOf(generateLibrary(300, seed).bibtex);
  const index = new CorpusIndex();
  const store = new CorpusStore(index);
  const cache = new Map<string, unknown>();
  await store.setFileSliced(parse(entries.join('\n'), cache), () => Promise.resolve());
  const names = Object.keys(EDITS);
  for (let round = 0; round < 8; round++) {
    const applied: string[] = [];
    for (let edit = 0, count = 1 + rng.int(3); edit < count; edit++) {
      const name = names[rng.int(names.length)]!;
      EDITS[name]!(entries, rng, round * 10 + edit);
      applied.push(name);
    }
    const text = entries.join('\n');
    await store.setFileSliced(parse(text, cache), () => Promise.resolve());
    const freshIndex = new CorpusIndex();
    const freshStore = new CorpusStore(freshIndex);
    freshStore.setFile(parse(text));
    assert.deepEqual(snapshot(index, store), snapshot(freshIndex, freshStore), `seed ${seed}, round ${round}: ${applied.join('; ')}`);
  }
});

test('one entry changed in a 2,000-entry library: the update costs less than the first load (CPU time)', async () => {
  // Warmed up first, so the first load is not mostly the JIT's work.
  parse(generateLibrary(300, 4).bibtex);
  const entries = entriesOf(generateLibrary(2_000, 3).bibtex);
  const index = new CorpusIndex();
  const store = new CorpusStore(index);
  const cache = new Map<string, unknown>();
  const first = await cpuTimeMsAsync(() => store.setFileSliced(parse(entries.join('\n'), cache), () => Promise.resolve()));
  entries[100] = entries[100]!.replace(/title = \{/, 'title = {Revised ');
  const update = await cpuTimeMsAsync(() => store.setFileSliced(parse(entries.join('\n'), cache), () => Promise.resolve()));
  const key = /^@\w+\{([^,]+),/.exec(entries[100]!)![1]!;
  assert.match(index.get(key)!.title, /^Revised /);
  // The parser reads no value again (its answers are kept) and the index re-indexes the one record; the file
  // is still scanned and every entry mapped again (a cache of records per entry is not built yet).
  assert.ok(update < first, `first load ${first.toFixed(0)} ms, update ${update.toFixed(0)} ms`);
});
