// Startup work done in slices after activate() (issue 19, first hover): each sliced path must give exactly
// what the one-block path gives, pause between its steps, and fall back where it cannot slice.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadEmbeddedCorpus, loadEmbeddedCorpusInSlices } from '../../src/core/corpus/embeddedCorpus';
import { parseIndexJson, parseIndexJsonInSlices } from '../../src/core/law/lawFiles';
import { BUILTIN_TAXONOMY } from '../../src/core/tags/builtinTaxonomy';
import { TagService } from '../../src/core/tags/tagService';
import { TagVocabulary } from '../../src/core/tags/vocabulary';
import { parseJsonArrayByLines } from '../../src/core/util/jsonArrayByLines';
import { CorpusIndex } from '../../src/core/search/corpusIndex';

const bytes = (text: string) => new TextEncoder().encode(text);
const counting = () => {
  const pauses = { count: 0, pause: async () => void pauses.count++ };
  return pauses;
};

test('a JSON array written a line per element parses in chunks to what JSON.parse gives, pausing between chunks', async () => {
  const elements = Array.from({ length: 3000 }, (_, index) => ({ PCode: `A${String(index).padStart(7, '0')}`, name: `第${index}號法（含 "引號"、逗號, 與 [括號] {大括號}）`, nested: [index, { deep: [index % 7] }] }));
  const text = `[\n${elements.map((element) => JSON.stringify(element)).join(',\n')}\n]\n`;
  for (const layout of [text, text.replace(/,\n/g, '\n,'), text.replace(/\n/g, '\r\n'), `\uFEFF${text}`]) {
    const pauses = counting();
    const parsed = await parseJsonArrayByLines(bytes(layout), pauses.pause, 4096);
    assert.deepEqual(parsed, elements);
    assert.ok(pauses.count > 10, `only ${pauses.count} pauses`);
  }
  // Several elements on a line, an empty array, one element.
  assert.deepEqual(await parseJsonArrayByLines(bytes('[1, 2,\n3, "4\\n"]'), async () => undefined, 1), [1, 2, 3, '4\n']);
  assert.deepEqual(await parseJsonArrayByLines(bytes('[\n]'), async () => undefined, 1), []);
  assert.deepEqual(await parseJsonArrayByLines(bytes('[{"a": 1}]'), async () => undefined, 1), [{ a: 1 }]);
});

test('a JSON array that cannot be cut at its lines, or is not valid JSON, is left to a whole JSON.parse (undefined)', async () => {
  const none = async () => undefined;
  const cases = [
    // Pretty-printed: a cut falls inside an element.
    '[\n  {\n    "a": 1\n  },\n  {\n    "b": 2\n  }\n]',
    '[[1,\n2]]',
    // Invalid JSON that chunks alone would accept: a missing comma, a doubled one, a trailing one, a leading one.
    '[1\n2]',
    '[1,\n,2]',
    '[1,\n2,\n]',
    '[\n,1]',
    // Not an array, not closed, garbage after it, whitespace JSON does not allow, not UTF-8.
    '{"a": 1}',
    '[1,\n2',
    '[1]\n]',
    '[1,\u00a0\n2]',
  ];
  for (const text of cases) {
    let whole: unknown;
    try {
      whole = JSON.parse(text);
    } catch {
      whole = 'invalid';
    }
    const chunked = await parseJsonArrayByLines(bytes(text), none, 1);
    assert.equal(chunked, undefined, `${JSON.stringify(text)} (JSON.parse: ${JSON.stringify(whole)})`);
  }
  assert.equal(await parseJsonArrayByLines(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]), none, 1), undefined);
});

test('index.json parsed in slices equals the whole parse: the embedded database, bad entries, and the fallbacks', async () => {
  const embedded = readFileSync(path.join(__dirname, '..', '..', 'laws', 'embedded', 'index.json'));
  const pauses = counting();
  const sliced = await parseIndexJsonInSlices('file:///laws/index.json', embedded, pauses.pause);
  assert.deepEqual(sliced, parseIndexJson('file:///laws/index.json', embedded));
  assert.ok(sliced.entries.length > 10_000 && pauses.count > 20, `${sliced.entries.length} laws, ${pauses.count} pauses`);
  for (const text of [
    '[\n{"PCode":"A0000001","name":"甲法"},\n{"PCode":"../x","name":"乙法"},\n{"name":"丙法"},\n{"PCode":"A0000004","name":"丁法","english":"D Act","lastUpdate":"20200101"}\n]',
    '[\n  {\n    "PCode": "A0000001",\n    "name": "甲法"\n  }\n]',
    '[\n{"PCode":"A0000001","name":"甲法"},\n]',
    '{"PCode":"A0000001"}',
  ]) {
    assert.deepEqual(await parseIndexJsonInSlices('file:///laws/index.json', bytes(text), async () => undefined), parseIndexJson('file:///laws/index.json', bytes(text)), text);
  }
});

test('the embedded corpus parsed a file per turn equals the corpus parsed at once', async () => {
  const pauses = counting();
  const sliced = await loadEmbeddedCorpusInSlices(pauses.pause);
  assert.deepEqual(sliced, loadEmbeddedCorpus());
  assert.equal(pauses.count, sliced.length + 1, 'a pause after loading the YAML library and after each file');
});

test('a tag vocabulary built in steps equals the one built at once, and the tag service builds it only when asked', async () => {
  const atOnce = new TagVocabulary(BUILTIN_TAXONOMY);
  const stepped = new TagVocabulary(BUILTIN_TAXONOMY, true);
  let steps = 0;
  while (stepped.buildStep()) steps++;
  assert.ok(steps > 5, `only ${steps} steps`);
  const names = BUILTIN_TAXONOMY.flatMap((definition) => [definition.tag, ...definition.synonyms, definition.label]);
  for (const name of [...names, '人工只慧', '資料', 'AI', '']) {
    assert.deepEqual(stepped.resolve(name), atOnce.resolve(name), name);
    assert.deepEqual(stepped.nearest(name), atOnce.nearest(name), name);
    assert.deepEqual(stepped.complete(name, new Set()), atOnce.complete(name, new Set()), name);
  }

  // Built by prepare() in slices, pausing; announced once.
  let built = 0;
  const service = new TagService(new CorpusIndex(), { onVocabularyBuilt: () => built++ });
  assert.equal(built, 0, 'the constructor builds nothing');
  const pauses = counting();
  await service.prepare(pauses.pause);
  assert.equal(built, 1);
  assert.ok(pauses.count > 5, `only ${pauses.count} pauses`);
  assert.equal(service.vocabulary.size, atOnce.size);
  assert.equal(built, 1);

  // Asked for while prepare() is half-way: finished at once, the same object prepare() was building.
  const early = new TagService(new CorpusIndex());
  let release: () => void = () => undefined;
  const preparing = early.prepare(() => new Promise<void>((resolve) => (release = resolve)));
  await new Promise((resolve) => setImmediate(resolve));
  const vocabulary = early.vocabulary;
  assert.equal(vocabulary.resolve('大數據')?.definition.tag, '巨量資料');
  release();
  await preparing;
  assert.equal(early.vocabulary, vocabulary);

  // No taxonomy file, as before: the built-in vocabulary is kept, not built again; a file replaces it.
  const kept = service.vocabulary;
  service.setTaxonomyFile(undefined);
  assert.equal(service.vocabulary, kept);
  service.setTaxonomyFile('file:///w/tags.yaml', 'mode: extend\ntags:\n  - tag: 新標籤\n    label: 新標籤\n');
  assert.notEqual(service.vocabulary, kept);
  assert.equal(service.vocabulary.resolve('新標籤')?.definition.tag, '新標籤');
  service.setTaxonomyFile(undefined);
  assert.equal(service.vocabulary.resolve('新標籤'), undefined);
});
