import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { addAliasToRecordText, addToAliasOverrideText, aliasTarget, hasName, yamlScalar, type AliasEdit } from '../../src/core/corpus/addAlias';
import { parseAliasOverrideFile } from '../../src/core/corpus/aliasOverrideFile';
import { CorpusService } from '../../src/core/corpus/corpusService';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { mentionVariants } from '../../src/mentionVariants/bundled';
import { bytes, embeddedRecord, joinLines } from './helpers';
import { MemoryFileSystem } from './memoryFileSystem';

/** Applies the edits (back to front) to the text. */
function apply(text: string, edit: AliasEdit): string {
  assert.equal(edit.kind, 'edits', JSON.stringify(edit));
  if (edit.kind !== 'edits') return text;
  let result = text;
  for (const change of [...edit.edits].sort((a, b) => b.start - a.start)) result = result.slice(0, change.start) + change.newText + result.slice(change.end);
  return result;
}

/** The file's only record after parsing `text` as `uri`. */
function recordOf(uri: string, text: string): CorpusRecord {
  const parsed = parseCorpusFile(uri, bytes(text));
  assert.deepEqual(parsed.problems.filter((problem) => problem.severity === 'error'), []);
  return parsed.records[0]!;
}

/** Adds the alias and checks the file still parses with the alias on its record. */
function addAndReparse(uri: string, text: string, alias: string, id?: string): string {
  const parsed = parseCorpusFile(uri, bytes(text));
  const record = id ? parsed.records.find((candidate) => candidate.id === id)! : parsed.records[0]!;
  const target = aliasTarget(record);
  assert.notEqual(target, 'override');
  const edited = apply(text, addAliasToRecordText(text, target as Exclude<typeof target, 'override'>, record, alias));
  const again = parseCorpusFile(uri, bytes(edited));
  assert.deepEqual(again.problems.filter((problem) => problem.severity !== 'info'), [], edited);
  const after = again.records.find((candidate) => candidate.id === record.id)!;
  assert.ok(after.aliases.includes(alias.trim()), edited);
  return edited;
}

describe('adding an alias to a record in its own file', () => {
  it('Markdown front matter with comments and a block list: one new item in the list\'s indentation, the rest untouched', () => {
    const text = joinLines('---', '# the partnership', 'id: partnership', 'title: 夥伴關係聲明  # short title', 'aliases:', '    - 第一個名稱  # kept', '    - "第二: 名稱"', 'summary: 一段很長的摘要，不會被改寫或折行。', '---', '', 'Body text.', '');
    const edited = addAndReparse('file:///ws/corpus/p.md', text, '布萊切利 AI 宣言');
    assert.equal(edited, text.replace('    - "第二: 名稱"\n', '    - "第二: 名稱"\n    - 布萊切利 AI 宣言\n'));
  });

  it('Markdown front matter without aliases: a field after the title; a flow list gets one more item; CRLF kept', () => {
    const text = joinLines('---', 'id: p', 'title: 聲明', 'type: report', '---', '');
    assert.equal(addAndReparse('file:///ws/corpus/p.md', text, '聲明 2024'), joinLines('---', 'id: p', 'title: 聲明', 'aliases:', '  - 聲明 2024', 'type: report', '---', ''));
    const flow = joinLines('---', 'id: p', 'title: 聲明', 'aliases: [甲乙, 丙丁] # flow', '---', '');
    assert.equal(addAndReparse('file:///ws/corpus/p.md', flow, 'yes'), flow.replace('[甲乙, 丙丁]', '[甲乙, 丙丁, "yes"]'));
    const crlf = '---\r\nid: p\r\ntitle: 聲明\r\naliases:\r\n  - 甲乙\r\n---\r\n';
    assert.equal(addAndReparse('file:///ws/corpus/p.md', crlf, '丙丁'), '---\r\nid: p\r\ntitle: 聲明\r\naliases:\r\n  - 甲乙\r\n  - 丙丁\r\n---\r\n');
  });

  it('an empty `aliases:` field is replaced by a list in place', () => {
    const text = joinLines('---', 'id: p', 'title: 聲明', 'aliases:', 'type: report', '---', '');
    assert.equal(addAndReparse('file:///ws/corpus/p.md', text, '聲明二'), joinLines('---', 'id: p', 'title: 聲明', 'aliases:', '  - 聲明二', 'type: report', '---', ''));
  });

  it('a name already there is unchanged; broken front matter is an error naming its line and no content', () => {
    const text = joinLines('---', 'id: p', 'title: 聲明', 'aliases:', '  - ＡＩ 宣言', '---', '');
    assert.deepEqual(addAliasToRecordText(text, 'markdown', recordOf('file:///ws/corpus/p.md', text), 'ai 宣言'), { kind: 'unchanged' });
    const record = recordOf('file:///ws/corpus/p.md', text);
    const broken = joinLines('---', 'id: p', 'title: 聲明', 'aliases: [秘密內容', '---', '');
    const result = addAliasToRecordText(broken, 'markdown', record, '新名稱');
    assert.equal(result.kind, 'error');
    assert.ok(result.kind === 'error' && !JSON.stringify(result.message).includes('秘密'));
  });

  it('JSON: an array of records, multi-line, keeps its indentation; the record is found by id', () => {
    const text = `[\n\t{\n\t\t"id": "a",\n\t\t"title": "甲",\n\t\t"aliases": [\n\t\t\t"甲一"\n\t\t]\n\t},\n\t{\n\t\t"id": "b",\n\t\t"title": "乙"\n\t}\n]\n`;
    const toA = addAndReparse('file:///ws/corpus/r.json', text, '甲二', 'a');
    assert.equal(toA, text.replace('"甲一"', '"甲一",\n\t\t\t"甲二"'));
    const toB = addAndReparse('file:///ws/corpus/r.json', text, '乙 "二"', 'b');
    assert.equal(toB, text.replace('"title": "乙"', '"title": "乙",\n\t\t"aliases": ["乙 \\"二\\""]'));
  });

  it('JSON: a { "records": [...] } file and a single-object file; a one-line list stays on one line', () => {
    const wrapped = '{ "records": [ { "id": "a", "title": "甲", "aliases": ["x1", "x2"] } ] }';
    assert.equal(addAndReparse('file:///ws/corpus/r.json', wrapped, '甲二'), wrapped.replace('"x2"]', '"x2", "甲二"]'));
    const single = '{\n  "id": "solo",\n  "aliases": [],\n  "title": "獨"\n}\n';
    assert.equal(addAndReparse('file:///ws/corpus/s.json', single, '獨一'), single.replace('[]', '["獨一"]'));
  });

  it('JSON Lines: only the record\'s line changes and stays one line', () => {
    const text = ['{"id": "a", "title": "甲"}', '{"id": "b", "title": "乙", "aliases": ["乙一"]}', ''].join('\n');
    const edited = addAndReparse('file:///ws/corpus/r.jsonl', text, '乙二', 'b');
    assert.equal(edited, text.replace('["乙一"]', '["乙一", "乙二"]'));
    const first = addAndReparse('file:///ws/corpus/r.jsonl', text, '甲一', 'a');
    assert.equal(first, text.replace('{"id": "a", "title": "甲"}', '{"id": "a", "title": "甲", "aliases": ["甲一"]}'));
    // JSON.stringify's compact style stays compact.
    const compact = '{"id":"c","title":"丙","publisher":"某機關"}\n{"id":"d","title":"丁","aliases":["丁一","丁二"]}\n';
    assert.equal(addAndReparse('file:///ws/corpus/r.jsonl', compact, '丙一', 'c'), compact.replace('"title":"丙",', '"title":"丙","aliases":["丙一"],'));
    assert.equal(addAndReparse('file:///ws/corpus/r.jsonl', compact, '丁三', 'd'), compact.replace('"丁二"]', '"丁二","丁三"]'));
  });

  it('refuses names that would match everywhere, and built-in and library records go to the alias file', () => {
    const text = '{"id": "a", "title": "甲"}\n';
    const record = recordOf('file:///ws/corpus/r.jsonl', text);
    assert.equal(addAliasToRecordText(text, 'jsonl', record, '甲').kind, 'error');
    assert.equal(addAliasToRecordText(text, 'jsonl', record, '㊀㊁').kind, 'error');
    assert.equal(addAliasToRecordText(text, 'jsonl', record, 'two\nlines').kind, 'error');
    assert.equal(aliasTarget(embeddedRecord('bletchley-declaration-2023')), 'override');
    assert.equal(aliasTarget({ ...record, imported: { format: 'bibtex', type: 'article', fields: {} } }), 'override');
    assert.equal(aliasTarget(record), 'jsonl');
    assert.ok(hasName(embeddedRecord('bletchley-declaration-2023'), embeddedRecord('bletchley-declaration-2023').title.toUpperCase()));
  });

  it('YAML scalars: plain where safe, quoted where YAML would read something else', () => {
    assert.equal(yamlScalar('布萊切利 AI 宣言'), '布萊切利 AI 宣言');
    for (const tricky of ['yes', 'null', '123', '- dash', 'a: b', 'a #b', '[x]', ' lead', '*ref', 'trail ']) assert.equal(yamlScalar(tricky), JSON.stringify(tricky), tricky);
  });
});

describe('the alias file', () => {
  const uri = 'file:///ws/.policy-annotator/aliases.yaml';

  it('new: a commented file with the record\'s list; existing: comments and other entries kept; duplicates unchanged', () => {
    const created = addToAliasOverrideText(undefined, 'bletchley-declaration-2023', 'aliases', '布萊切利 AI 宣言');
    assert.equal(created.kind, 'edited');
    const text = created.kind === 'edited' ? created.text : '';
    assert.match(text, /^# Policy Annotator/);
    assert.deepEqual([...parseAliasOverrideFile(uri, bytes(text)).overrides], [['bletchley-declaration-2023', { aliases: ['布萊切利 AI 宣言'], ignore: [] }]]);
    const withIgnore = addToAliasOverrideText(`${text}# my note\n`, 'bletchley-declaration-2023', 'ignore', '布萊切利公園導覽');
    assert.equal(withIgnore.kind, 'edited');
    const second = withIgnore.kind === 'edited' ? withIgnore.text : '';
    assert.match(second, /# my note/);
    assert.deepEqual(parseAliasOverrideFile(uri, bytes(second)).overrides.get('bletchley-declaration-2023'), { aliases: ['布萊切利 AI 宣言'], ignore: ['布萊切利公園導覽'] });
    assert.deepEqual(addToAliasOverrideText(second, 'bletchley-declaration-2023', 'aliases', '布萊切利 ai 宣言'), { kind: 'unchanged' });
    const other = addToAliasOverrideText(second, 'frontier-ai', 'aliases', '尖端 AI');
    assert.equal(other.kind === 'edited' && parseAliasOverrideFile(uri, bytes(other.text)).overrides.size, 2);
    const commentsOnly = addToAliasOverrideText('# only a comment\n', 'frontier-ai', 'aliases', '尖端 AI');
    assert.ok(commentsOnly.kind === 'edited' && commentsOnly.text.startsWith('# only a comment\n'));
    assert.deepEqual(commentsOnly.kind === 'edited' && [...parseAliasOverrideFile(uri, bytes(commentsOnly.text)).overrides.keys()], ['frontier-ai']);
  });

  it('broken: editing refuses with the line; reading reports problems by line, never quoting, and keeps the good entries', () => {
    const broken = 'records:\n  a:\n    aliases: [秘密\n';
    const edit = addToAliasOverrideText(broken, 'a', 'aliases', '新名稱');
    assert.equal(edit.kind, 'error');
    const syntax = parseAliasOverrideFile(uri, bytes(broken));
    assert.equal(syntax.overrides.size, 0);
    assert.equal(syntax.file.problems[0]!.code, 'aliases-yaml-syntax');
    const mixed = joinLines('records:', '  good-id:', '    aliases: [好名稱, 秘]', '    ignore: 單一名稱', '    other: x', '  "bad id!":', '    aliases: [甲乙]', '  list-id: [甲乙]', 'extra: 1', '');
    const read = parseAliasOverrideFile(uri, bytes(mixed));
    assert.deepEqual(read.overrides.get('good-id'), { aliases: ['好名稱'], ignore: ['單一名稱'] });
    assert.equal(read.overrides.size, 1);
    assert.deepEqual(read.file.problems.map((problem) => [problem.line, problem.code]), [[2, 'corpus-name-spoofing'], [4, 'aliases-unknown-key'], [5, 'aliases-invalid-id'], [7, 'aliases-invalid'], [8, 'aliases-unknown-key']]);
    for (const problem of read.file.problems) assert.ok(!/秘|甲乙|bad id/.test(problem.message), problem.message);
    assert.equal(parseAliasOverrideFile(uri, new Uint8Array(2 * 1024 * 1024)).file.problems[0]!.code, 'aliases-file-too-large');
    assert.equal(parseAliasOverrideFile(uri, new Uint8Array([0x72, 0xff, 0xfe])).file.problems[0]!.code, 'aliases-invalid-utf8');
    assert.deepEqual(parseAliasOverrideFile(uri, bytes('')).file.problems, []);
  });
});

describe('the alias file in the corpus', () => {
  const analyze = (corpus: CorpusService, text: string) => analyzeArticle(text, corpus.index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) });
  const near = '有人把它稱為《布萊奇利 AI 安全宣言》。';

  it('an added alias resolves at once after the file changes; an ignored near miss is not reported; deleting the file undoes both', async () => {
    const files = new MemoryFileSystem();
    const overrideUri = MemoryFileSystem.uri('.policy-annotator/aliases.yaml');
    files.aliasOverrideFiles = () => [overrideUri];
    const corpus = new CorpusService({ fileSystem: files, embeddedEnabled: () => true, maxBytes: () => 5_000_000, log: { info() {}, error() {} }, debounceMs: 0, mentionVariants: async () => mentionVariants, aliasFileReader: async () => parseAliasOverrideFile });
    await corpus.whenReady();
    await corpus.loadMentionVariants();
    const before = analyze(corpus, near);
    assert.equal(before.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention').length, 1);

    files.write('.policy-annotator/aliases.yaml', joinLines('records:', '  bletchley-declaration-2023:', '    aliases: [布萊奇利 AI 安全宣言]', ''));
    corpus.fileChanged(overrideUri);
    await corpus.whenIdle();
    const added = analyze(corpus, near);
    assert.deepEqual(added.references.filter((reference) => reference.kind === 'mention').map((reference) => reference.id), ['bletchley-declaration-2023']);
    assert.equal(added.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention').length, 0);

    files.write('.policy-annotator/aliases.yaml', joinLines('records:', '  bletchley-declaration-2023:', '    ignore: [布萊奇利 ai 安全宣言]', '  bad: 1', ''));
    corpus.fileChanged(overrideUri);
    await corpus.whenIdle();
    const ignored = analyze(corpus, near);
    assert.deepEqual(ignored.references.filter((reference) => reference.kind === 'mention'), []);
    assert.deepEqual(ignored.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention'), []);
    assert.deepEqual(corpus.store.problems().get(overrideUri)?.map((problem) => problem.code), ['aliases-invalid']);

    files.delete('.policy-annotator/aliases.yaml');
    corpus.fileChanged(overrideUri);
    await corpus.whenIdle();
    assert.equal(analyze(corpus, near).diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention').length, 1);
    assert.equal(corpus.store.problems().has(overrideUri), false);
    corpus.dispose();
  });

  it('a workspace record named in the alias file gets the aliases too, and is read on the first scan', async () => {
    const files = new MemoryFileSystem();
    files.write('corpus/r.jsonl', '{"id": "own-report", "title": "自有報告"}\n');
    files.write('.policy-annotator/aliases.yaml', 'records:\n  own-report:\n    aliases: [那份自有報告書]\n');
    files.aliasOverrideFiles = () => [MemoryFileSystem.uri('.policy-annotator/aliases.yaml')];
    const corpus = new CorpusService({ fileSystem: files, embeddedEnabled: () => false, maxBytes: () => 5_000_000, log: { info() {}, error() {} }, debounceMs: 0, aliasFileReader: async () => parseAliasOverrideFile });
    await corpus.whenReady();
    assert.deepEqual(corpus.index.get('own-report')?.aliases, ['那份自有報告書']);
    assert.deepEqual(corpus.index.lookupName('那份自有報告書'), ['own-report']);
    corpus.dispose();
  });
});
