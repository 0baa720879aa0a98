import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusService } from '../../src/core/corpus/corpusService';
import { MemoryFileSystem } from './memoryFileSystem';
import { joinLines } from './helpers';

const record = (id: string, title: string, aliases: string[] = []) =>
  joinLines('---', `id: ${id}`, `title: ${title}`, 'type: concept', `aliases: [${aliases.join(', ')}]`, '---');

function service(fileSystem: MemoryFileSystem, embedded = true) {
  const log: string[] = [];
  const corpus = new CorpusService({
    fileSystem,
    embeddedEnabled: () => embedded,
    maxBytes: () => 5 * 1024 * 1024,
    log: { info: (message) => log.push(message), error: (message) => log.push(`ERROR ${message}`) },
    debounceMs: 5,
  });
  return { corpus, log };
}

/** Ids, titles and problem codes: what "the same index" means in these tests. */
function snapshot(corpus: CorpusService) {
  return {
    records: [...corpus.index.records()].map((r) => `${r.id}=${r.title}@${r.origin.uri}`).sort(),
    problems: [...corpus.store.problems()].flatMap(([uri, list]) => list.map((p) => `${uri}:${p.line}:${p.code}`)).sort(),
    mentions: corpus.index.lookupName('布萊切利宣言'),
  };
}

test('the embedded corpus is loaded, with every required record', async () => {
  const { corpus } = service(new MemoryFileSystem());
  await corpus.whenReady();
  for (const id of [
    'uk-us-ai-safety-mou-2024', 'bletchley-declaration-2023', 'us-uk-partnership-announcement-2024', 'uk-parliament-hcws409-2024', 'ai-safety-summit-2023',
    'bletchley-park', 'ai-safety-institute', 'michelle-donelan', 'gina-raimondo', 'frontier-ai',
  ]) {
    assert.ok(corpus.index.get(id), id);
  }
  assert.ok([...corpus.index.records()].some((r) => r.type === 'article'), 'the seed article itself');
  for (const [alias, id] of [
    ['合作備忘錄', 'uk-us-ai-safety-mou-2024'], ['MOU', 'uk-us-ai-safety-mou-2024'], ['Memorandum of Understanding', 'uk-us-ai-safety-mou-2024'],
    ['英美人工智慧安全合作備忘錄', 'uk-us-ai-safety-mou-2024'], ['布萊切利宣言', 'bletchley-declaration-2023'], ['HCWS409', 'uk-parliament-hcws409-2024'],
    ['人工智慧安全峰會', 'ai-safety-summit-2023'], ['布萊切利公園', 'bletchley-park'], ['AISI', 'ai-safety-institute'], ['人工智慧安全研究所', 'ai-safety-institute'],
    ['蜜雪兒・多尼蘭', 'michelle-donelan'], ['Donelan', 'michelle-donelan'], ['吉娜·雷蒙多', 'gina-raimondo'], ['雷蒙多', 'gina-raimondo'],
    ['先進人工智慧', 'frontier-ai'], ['frontier AI', 'frontier-ai'],
  ]) {
    assert.deepEqual(corpus.index.lookupName(alias!), [id], alias);
  }
  assert.deepEqual(corpus.index.lookupUrl('https://questions-statements.parliament.uk/written-statements/detail/2024-04-16/hcws409/'), ['uk-parliament-hcws409-2024']);
  assert.deepEqual([...corpus.store.problems().values()].flat(), []);
});

test('the embedded corpus can be turned off', async () => {
  const { corpus } = service(new MemoryFileSystem(), false);
  await corpus.whenReady();
  assert.equal(corpus.index.size, 0);
});

test('a workspace record overrides the embedded one with the same id', async () => {
  const fs = new MemoryFileSystem();
  fs.write('corpus/bletchley.md', record('bletchley-declaration-2023', 'Our own Bletchley record', ['布萊切利宣言']));
  const { corpus } = service(fs);
  await corpus.whenReady();
  assert.equal(corpus.index.get('bletchley-declaration-2023')?.title, 'Our own Bletchley record');
  fs.delete('corpus/bletchley.md');
  corpus.fileChanged(MemoryFileSystem.uri('corpus/bletchley.md'));
  await corpus.whenIdle();
  assert.equal(corpus.index.get('bletchley-declaration-2023')?.title, 'The Bletchley Declaration', 'the embedded record is back');
});

test('two workspace records with one id: a diagnostic on both, the first file wins', async () => {
  const fs = new MemoryFileSystem();
  fs.write('corpus/b.md', record('same', 'From b'));
  fs.write('corpus/a.md', record('same', 'From a'));
  const { corpus } = service(fs);
  await corpus.whenReady();
  assert.equal(corpus.index.get('same')?.title, 'From a');
  const problems = corpus.store.problems();
  for (const name of ['a.md', 'b.md']) {
    assert.deepEqual(problems.get(MemoryFileSystem.uri(`corpus/${name}`))?.map((p) => [p.code, p.line]), [['corpus-duplicate-id', 1]], name);
  }
});

test('files are created, changed and deleted without a rebuild', async () => {
  const fs = new MemoryFileSystem();
  const { corpus } = service(fs);
  await corpus.whenReady();
  const uri = fs.write('corpus/new.md', record('new-record', 'New record', ['新紀錄']));
  corpus.fileChanged(uri);
  await corpus.whenIdle();
  assert.deepEqual(corpus.index.lookupName('新紀錄'), ['new-record']);
  fs.write('corpus/new.md', record('new-record', 'Renamed record', ['改名紀錄']));
  corpus.fileChanged(uri);
  await corpus.whenIdle();
  assert.deepEqual(corpus.index.lookupName('新紀錄'), []);
  assert.deepEqual(corpus.index.lookupName('改名紀錄'), ['new-record']);
  fs.delete('corpus/new.md');
  corpus.fileChanged(uri);
  await corpus.whenIdle();
  assert.equal(corpus.index.get('new-record'), undefined);
});

test('a storm of thousands of events ends in exactly the index a fresh scan gives', async () => {
  const fs = new MemoryFileSystem();
  for (let n = 0; n < 300; n++) fs.write(`corpus/r${n}.md`, record(`r${n}`, `Record ${n}`, [`紀錄${n}`]));
  const { corpus } = service(fs);
  await corpus.whenReady();
  // A branch switch: files deleted, rewritten, renamed, broken and duplicated, each event possibly repeated.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let event = 0; event < 5_000; event++) {
    const n = Math.floor(random() * 400);
    const path = `corpus/r${n}.md`;
    const roll = random();
    if (roll < 0.3) fs.delete(path);
    else if (roll < 0.6) fs.write(path, record(`r${n}`, `Record ${n} v${event}`, [`紀錄${n}`]));
    else if (roll < 0.7) fs.write(path, 'not: [valid');
    else if (roll < 0.8) fs.write(path, record(`r${Math.floor(random() * 400)}`, `Duplicate ${event}`));
    else fs.write(path, record(`r${n}`, `Record ${n}`, [`紀錄${n}`, '布萊切利宣言']));
    corpus.fileChanged(MemoryFileSystem.uri(path));
    if (event % 1_000 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await corpus.whenIdle();
  const fresh = service(fs).corpus;
  await fresh.whenReady();
  assert.deepEqual(snapshot(corpus), snapshot(fresh));
});

test('a broken file is reported and the good files are still indexed', async () => {
  const fs = new MemoryFileSystem();
  fs.write('corpus/good.md', record('good', 'Good'));
  fs.write('corpus/bad.json', '[{"id": "x",');
  fs.write('corpus/notes/README.md', '# not a record');
  const { corpus } = service(fs);
  await corpus.whenReady();
  assert.ok(corpus.index.get('good'));
  const problems = corpus.store.problems();
  assert.deepEqual(problems.get(MemoryFileSystem.uri('corpus/bad.json'))?.map((p) => p.code), ['corpus-json-syntax']);
  assert.deepEqual(problems.get(MemoryFileSystem.uri('corpus/notes/README.md'))?.map((p) => p.code), ['corpus-no-front-matter']);
});

test('a rescan drops files that are gone', async () => {
  const fs = new MemoryFileSystem();
  fs.write('corpus/a.md', record('a', 'A'));
  const { corpus } = service(fs);
  await corpus.whenReady();
  fs.delete('corpus/a.md');
  await corpus.rescan();
  assert.equal(corpus.index.get('a'), undefined);
  assert.equal(corpus.store.hasFile(MemoryFileSystem.uri('corpus/a.md')), false);
});
