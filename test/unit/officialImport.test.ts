import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync, ftruncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { MemoryLaws } from './lawHelpers';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import { officialToSplitFiles, parseOfficialJson, pcodeOfLawUrl, readOfficialFiles, unzipJsonFiles } from '../../src/core/law/officialImport';

const root = path.join(__dirname, '..', '..');
const FIXTURE = path.join(root, 'test', 'fixtures', 'laws-official', 'ChLaw.json');
const fixtureBytes = () => new Uint8Array(readFileSync(FIXTURE));
const cli = path.join(root, 'dist', 'cli.js');

function officialJson(laws: unknown[], bom = false): Uint8Array {
  return strToU8(`${bom ? '\uFEFF' : ''}${JSON.stringify({ UpdateDate: '2025/1/2', Laws: laws })}`);
}
const law = (pcode: string, name: string, modified: string, articles: Array<[string, string]> = [['第 1 條', '本法為測試而寫。']]) => ({
  LawName: name,
  LawURL: `https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=${pcode}`,
  LawModifiedDate: modified,
  LawAbandonNote: '',
  EngLawName: '',
  LawArticles: articles.map(([no, content]) => ({ ArticleType: 'A', ArticleNo: no, ArticleContent: content })),
});

function libraryOf(bytes: Uint8Array): LawLibrary {
  const database = readOfficialFiles([{ uri: 'file:///x/ChLaw.json', bytes }]);
  if ('problem' in database) throw new Error(database.problem.message);
  const { files } = officialToSplitFiles(database, new Map([['I0050021', ['個資法']]]), {});
  return new LawLibrary({ fileSystem: new MemoryLaws(new Map(files.map((file) => [`file:///out/${file.path}`, file.bytes]))), sources: () => [{ folder: 'file:///out' }] });
}

describe('the official open data (ChLaw.json)', () => {
  it('reads the fields the published file has, with or without a byte-order mark', () => {
    for (const bom of [true, false]) {
      const parsed = parseOfficialJson('file:///ChLaw.json', officialJson([law('A0000001', '測試法', '20240102')], bom));
      assert.ok(!('problem' in parsed));
      assert.equal(parsed.updateDate, '2025-01-02');
      assert.deepEqual(parsed.laws[0], { pcode: 'A0000001', name: '測試法', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0000001', lastUpdate: '20240102', articles: [{ type: 'A', no: '第 1 條', content: '本法為測試而寫。' }] });
    }
    assert.equal(pcodeOfLawUrl('https://law.moj.gov.tw/LawClass/LawAll.aspx?PCode=B0000001'), 'B0000001');
    assert.equal(pcodeOfLawUrl('https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=../../etc'), undefined);
  });

  it('the fixture converts into a folder LawLibrary reads: texts, short names, dates, abolition', async () => {
    const library = libraryOf(fixtureBytes());
    const index = await library.index();
    assert.equal(index.size, 4);
    assert.equal(index.find('個資法')?.pcode, 'I0050021');
    assert.equal(index.get('A0030297')?.lastUpdate, '20250924');
    const cyber = await library.law('A0030297');
    assert.ok('law' in cyber && cyber.law.articles.size > 10);
    const abolished = await library.law('Z0000001');
    assert.ok('law' in abolished && abolished.law.abolished);
    // A law without articles is known by name; its text is unavailable rather than empty (no false "has no 第1條").
    assert.deepEqual(await library.law('Z0000002'), { unavailable: true });
  });

  it('zipped as published: the same laws', () => {
    const zipped = zipSync({ 'ChLaw.json': fixtureBytes() });
    const fromZip = readOfficialFiles([{ uri: 'file:///ChLaw.json.zip', bytes: zipped }]);
    const plain = readOfficialFiles([{ uri: 'file:///ChLaw.json', bytes: fixtureBytes() }]);
    assert.ok(!('problem' in fromZip) && !('problem' in plain));
    assert.deepEqual(fromZip.laws, plain.laws);
  });

  it('a truncated zip is a problem, not an exception', () => {
    const zipped = zipSync({ 'ChLaw.json': fixtureBytes() });
    for (const cut of [zipped.length - 30, Math.floor(zipped.length / 2), 40]) {
      const result = readOfficialFiles([{ uri: 'file:///ChLaw.json.zip', bytes: zipped.subarray(0, cut) }]);
      assert.ok('problem' in result, `cut at ${cut}`);
      assert.match(result.problem.message, /truncated|not a readable zip|cannot be unpacked|no \.json file/);
    }
  });

  it('a zip bomb is stopped at the unpacked limit, early', () => {
    const bomb = zipSync({ 'ChLaw.json': new Uint8Array(32 * 1024 * 1024) }, { level: 1 });
    assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
    const cpu = (limit: number) => {
      const started = process.cpuUsage();
      const result = unzipJsonFiles('file:///x/bomb.zip', bomb, limit);
      const used = process.cpuUsage(started);
      return { result, ms: (used.user + used.system) / 1000 };
    };
    cpu(4 * 1024 * 1024);
    const whole = cpu(64 * 1024 * 1024);
    assert.ok(!('problem' in whole.result), 'under a higher limit the same zip unpacks');
    const stopped = cpu(4 * 1024 * 1024);
    assert.ok('problem' in stopped.result);
    assert.match(stopped.result.problem.message, /unpacks to more than 4 MB/);
    // Stopped after about 4 of its 32 MB: far less work than unpacking it all.
    assert.ok(stopped.ms < whole.ms / 2, `stopped ${stopped.ms} ms, whole ${whole.ms} ms`);
  });

  it('not the open data, not JSON, not UTF-8: clear problems', () => {
    const notOfficial = parseOfficialJson('file:///x/ChLaw.json', strToU8('{"laws": []}'));
    assert.ok('problem' in notOfficial && /needs a "Laws" list/.test(notOfficial.problem.message));
    const broken = parseOfficialJson('file:///x/ChLaw.json', strToU8('{"Laws": [ {'));
    assert.ok('problem' in broken && /invalid JSON/.test(broken.problem.message));
    const latin1 = parseOfficialJson('file:///x/ChLaw.json', new Uint8Array([0x7b, 0xff, 0x7d]));
    assert.ok('problem' in latin1 && /not valid UTF-8/.test(latin1.problem.message));
  });

  it('duplicate PCodes keep the most recently amended version; bad laws and laws without articles are counted', () => {
    const parsed = parseOfficialJson('file:///x/ChLaw.json', officialJson([law('A0000001', '舊名法', '20200101'), law('A0000001', '新名法', '20240101'), { LawName: '無網址法' }, law('A0000002', '空法', '20240101', [])]));
    assert.ok(!('problem' in parsed));
    assert.deepEqual(parsed.laws.map((entry) => entry.name), ['新名法', '空法']);
    assert.deepEqual(parsed.problems.map((problem) => problem.message.replace(/^x\/ChLaw\.json: /, '').slice(0, 40)), [
      '1 law has no LawName or no pcode in LawU',
      '1 PCode appears twice (A0000001); the mo',
      '1 law has no articles; its name is known',
    ]);
  });

  it('an empty Laws list is not a database', () => {
    const result = readOfficialFiles([{ uri: 'file:///ChLaw.json', bytes: officialJson([]) }]);
    assert.ok('problem' in result && /no law/.test(result.problem.message));
  });
});

describe('policy-annotator laws import and --laws <ChLaw.json>', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('imports zipped or not into a folder that --laws reads like the official file itself', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-import-'));
    const zip = path.join(dir, 'ChLaw.json.zip');
    writeFileSync(zip, zipSync({ 'ChLaw.json': fixtureBytes() }));
    const imported = run(['laws', 'import', zip, '--out', path.join(dir, 'laws')]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 4 laws \(\d+ articles, edition of 2025-10-01\)/);
    assert.match(imported.stderr, /1 law has no articles/);
    assert.deepEqual(readdirSync(path.join(dir, 'laws')).sort(), ['FalVMingLing', 'aliases.json', 'index.json', 'manifest.json', 'source.json']);
    const article = path.join(dir, 'article.md');
    writeFileSync(article, '依資通安全管理法第20條及個資法第6條。\n');
    const viaFolder = run(['annotate', '--json', '--laws', path.join(dir, 'laws'), article]);
    const viaFile = run(['annotate', '--json', '--laws', FIXTURE, article]);
    assert.equal(viaFolder.status, 0, viaFolder.stderr);
    assert.equal(viaFile.status, 0, viaFile.stderr);
    assert.equal(viaFolder.stdout, viaFile.stdout);
    const references = (JSON.parse(viaFile.stdout) as Array<{ references: Array<{ id: string; article: string }> }>)[0]!.references;
    assert.deepEqual(references.map((reference) => [reference.id, reference.article]), [['A0030297', '20'], ['I0050021', '6']]);
  });

  it('refuses a 300 MB file, a truncated zip and a folder that is not its own, with exit code 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-import-'));
    const huge = path.join(dir, 'ChLaw.json');
    const handle = openSync(huge, 'w');
    ftruncateSync(handle, 300 * 1024 * 1024); // sparse: no disk space used
    closeSync(handle);
    const tooBig = run(['laws', 'import', huge, '--out', path.join(dir, 'out')]);
    assert.equal(tooBig.status, 2);
    assert.match(tooBig.stderr, /300 MB, more than the 256 MB read/);
    const truncated = path.join(dir, 'cut.zip');
    const zipped = zipSync({ 'ChLaw.json': fixtureBytes() });
    writeFileSync(truncated, zipped.subarray(0, zipped.length >> 1));
    const cut = run(['laws', 'import', truncated, '--out', path.join(dir, 'out')]);
    assert.equal(cut.status, 2);
    assert.match(cut.stderr, /cannot import the law database: .*cut\.zip is not a readable zip/);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const occupied = run(['laws', 'import', FIXTURE, '--out', dir]);
    assert.equal(occupied.status, 2);
    assert.match(occupied.stderr, /not empty and is not an imported law folder/);
    const noOut = run(['laws', 'import', FIXTURE]);
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /needs --out/);
  });
});
