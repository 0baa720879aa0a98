import { CorpusService } from '../../src/core/corpus/corpusService';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { MemoryFileSystem } from '../unit/memoryFileSystem';
import { cpuMs, milliseconds, type Suite } from './suite';

const MAX_BYTES = 5 * 1024 * 1024;
const encoder = new TextEncoder();

/** A broken file: its bytes, the line (0-based) its one diagnostic must be on, and the records it still holds. */
interface Broken {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly line: number;
  readonly salvaged: string[];
}

const record = (id: string, extra = '') => `---\nid: ${id}\ntitle: Record ${id}\ntype: report\n${extra}---\nBody.\n`;

function billionLaughs(): string {
  const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 10; level++) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  lines.push('id: laughs', 'title: Laughs', 'type: report', '---');
  return lines.join('\n');
}

function brokenFiles(): Broken[] {
  const bytes = (text: string) => encoder.encode(text);
  const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const invalidUtf8 = new Uint8Array([...bytes('---\nid: bad-utf8\ntitle: Bad '), 0xff, 0xfe, ...bytes('\ntype: report\n---\n')]);
  return [
    { path: 'corpus/yaml-syntax.md', bytes: bytes('---\nid: yaml-syntax\ntitle: [unclosed\ntype: report\n---\n'), line: 3, salvaged: [] },
    { path: 'corpus/yaml-bad-indent.md', bytes: bytes('---\nid: yaml-indent\ntitle: x\n  type: report\n---\n'), line: 2, salvaged: [] },
    { path: 'corpus/json-syntax.json', bytes: bytes('[\n  {"id": "json-syntax", "title": "x",}\n]\n'), line: 1, salvaged: [] },
    { path: 'corpus/jsonl-one-bad-line.jsonl', bytes: bytes('{"id": "jsonl-good-1", "title": "Good 1", "type": "report"}\n{"id": "jsonl-bad", \n{"id": "jsonl-good-2", "title": "Good 2", "type": "report"}\n'), line: 1, salvaged: ['jsonl-good-1', 'jsonl-good-2'] },
    { path: 'corpus/bom.md', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(record('bom-record'))]), line: 0, salvaged: ['bom-record'] },
    { path: 'corpus/duplicate-key.md', bytes: bytes('---\nid: dup-yaml\ntitle: One\ntitle: Two\ntype: report\n---\n'), line: 3, salvaged: [] },
    { path: 'corpus/duplicate-key.json', bytes: bytes('[\n  {"id": "dup-json", "type": "report",\n   "title": "One",\n   "title": "Two"}\n]\n'), line: 3, salvaged: ['dup-json'] },
    { path: 'corpus/wrong-type-date.md', bytes: bytes(record('wrong-date', 'date: next tuesday\n')), line: 4, salvaged: ['wrong-date'] },
    { path: 'corpus/wrong-type-aliases.json', bytes: bytes('[{"id": "wrong-aliases", "title": "x", "type": "report",\n  "aliases": {"a": 1}}]'), line: 1, salvaged: ['wrong-aliases'] },
    { path: 'corpus/invalid-utf8.md', bytes: invalidUtf8, line: 2, salvaged: [] },
    { path: 'corpus/binary.md', bytes: binary, line: 2, salvaged: [] },
    { path: 'corpus/too-large.md', bytes: new Uint8Array(MAX_BYTES + 1).fill(0x61), line: 0, salvaged: [] },
    { path: 'corpus/billion-laughs.md', bytes: bytes(billionLaughs()), line: 1, salvaged: [] },
    { path: 'corpus/unclosed.md', bytes: bytes('---\nid: unclosed\ntitle: x\n'), line: 0, salvaged: [] },
    { path: 'corpus/js-front-matter.md', bytes: bytes('---js\n{ id: "x" }\n---\n'), line: 0, salvaged: [] },
    { path: 'corpus/missing-id.json', bytes: bytes('[{"title": "No id", "type": "report"}]'), line: 0, salvaged: [] },
  ];
}

export async function runMalformed(suite: Suite): Promise<void> {
  const fileSystem = new MemoryFileSystem();
  const goodIds: string[] = [];
  for (let index = 0; index < 40; index++) {
    goodIds.push(`good-${index}`);
    fileSystem.write(`corpus/good/${index}.md`, record(`good-${index}`));
  }
  const jsonRecords = Array.from({ length: 10 }, (_, index) => ({ id: `good-json-${index}`, title: `Good JSON ${index}`, type: 'report' }));
  fileSystem.write('corpus/good/many.json', JSON.stringify(jsonRecords, null, 2));
  goodIds.push(...jsonRecords.map((item) => item.id));
  const broken = brokenFiles();
  for (const file of broken) fileSystem.files.set(MemoryFileSystem.uri(file.path), file.bytes);

  const corpus = new CorpusService({ fileSystem, embeddedEnabled: () => false, maxBytes: () => MAX_BYTES, log: { info: () => undefined, error: (message) => suite.check('no loader error', false, message) } });
  await corpus.whenReady();
  const problems = corpus.store.problems();
  let diagnostics = 0;
  for (const list of problems.values()) diagnostics += list.length;
  for (const file of broken) {
    const list = problems.get(MemoryFileSystem.uri(file.path)) ?? [];
    suite.check(`${file.path}: exactly one diagnostic, on line ${file.line + 1}`, list.length === 1 && list[0]!.line === file.line, JSON.stringify(list));
    for (const id of file.salvaged) suite.check(`${file.path}: good record ${id} indexed`, corpus.index.get(id) !== undefined);
  }
  const good = [...goodIds, ...broken.flatMap((file) => file.salvaged)];
  const indexed = good.filter((id) => corpus.index.get(id) !== undefined).length;
  suite.check('every good record is indexed', indexed === good.length, `${indexed} of ${good.length}`);
  suite.check('no record from a broken file beyond the salvaged ones', corpus.index.size === good.length, `${corpus.index.size} records`);
  suite.check('the good files have no diagnostics', goodIds.every((id) => !problems.get(MemoryFileSystem.uri(`corpus/good/${id.replace('good-', '')}.md`))?.length));

  // The billion-laughs file on its own: rejected quickly.
  const laughs = broken.find((file) => file.path.endsWith('billion-laughs.md'))!;
  let slowest = 0;
  for (let run = 0; run < 5; run++) {
    let parsed: ReturnType<typeof parseCorpusFile> | undefined;
    slowest = Math.max(slowest, cpuMs(() => (parsed = parseCorpusFile('file:///ws/corpus/billion-laughs.md', laughs.bytes))));
    suite.check('billion laughs: rejected with corpus-yaml-aliases', parsed?.records.length === 0 && parsed.problems[0]?.code === 'corpus-yaml-aliases', JSON.stringify(parsed?.problems));
  }
  suite.check('billion laughs: rejected in under 100 ms', slowest < 100, milliseconds(slowest));

  suite.figure('malformed files', broken.length);
  suite.figure('diagnostics on them (exactly one each, with file and line)', diagnostics);
  suite.figure('good records indexed', `${indexed} / ${good.length}`);
  suite.figure('billion-laughs YAML rejected in (CPU time, slowest of 5)', milliseconds(slowest));
  corpus.dispose();
}
