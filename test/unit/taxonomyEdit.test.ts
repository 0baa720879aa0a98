import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addTagToTaxonomy, type TaxonomyEdit } from '../../src/core/tags/taxonomyEdit';
import { parseTaxonomyFile } from '../../src/core/tags/taxonomyFile';
import { formatMessage, type Localizable } from '../../src/core/util/messages';

const edited = (edit: TaxonomyEdit): string => {
  assert.equal(edit.kind, 'edited', JSON.stringify(edit));
  return (edit as { text: string }).text;
};
/** What the tool itself reads back from the edited file: tags in order, mode, and no problem. */
const readBack = (text: string, name: string) => {
  const { taxonomy, problems } = parseTaxonomyFile(`file:///w/corpus/${name}`, text);
  assert.deepEqual(problems, []);
  return { mode: taxonomy.mode, tags: taxonomy.tags.map((definition) => definition.tag) };
};

describe('adding a tag to the workspace taxonomy', () => {
  it('creates a YAML or a JSON file that reads back', () => {
    assert.deepEqual(readBack(edited(addTagToTaxonomy(undefined, '數位治理', 'tags.yaml')), 'tags.yaml'), { mode: 'extend', tags: ['數位治理'] });
    const json = edited(addTagToTaxonomy('', '數位治理', 'tags.json'));
    assert.deepEqual(JSON.parse(json), { mode: 'extend', tags: [{ tag: '數位治理', label: '數位治理', synonyms: [] }] });
  });

  it('appends to a block list and keeps comments, key order and a mode after the list', () => {
    const text = '# our tags\ntags:\n  - tag: AI\n    label: 人工智慧 # keep me\n  - 隱私\nmode: replace\n';
    const result = edited(addTagToTaxonomy(text, '資安', 'tags.yaml'));
    assert.deepEqual(readBack(result, 'tags.yaml'), { mode: 'replace', tags: ['AI', '隱私', '資安'] });
    assert.match(result, /^# our tags\n/);
    assert.match(result, /# keep me/);
    assert.ok(result.trimEnd().endsWith('mode: replace'), result);
  });

  it('appends to a flow list and keeps it a flow list', () => {
    const text = 'mode: extend\ntags: [AI, 隱私] # two\nnote: x\n';
    const result = edited(addTagToTaxonomy(text, 'open data', 'tags.yml'));
    assert.deepEqual(readBack(result, 'tags.yml').tags, ['AI', '隱私', 'open data']);
    assert.match(result, /^tags: \[.*open data.*\] # two$/m);
    assert.match(result, /note: x/);
  });

  it('edits JSON as JSON: multi-line, single-line and empty lists, layout kept', () => {
    const multi = '{\n  "mode": "extend",\n  "tags": [\n    { "tag": "AI", "label": "人工智慧" },\n    "隱私"\n  ]\n}\n';
    const result = edited(addTagToTaxonomy(multi, '資安', 'tags.json'));
    assert.deepEqual(JSON.parse(result).tags.map((entry: { tag?: string } | string) => (typeof entry === 'string' ? entry : entry.tag)), ['AI', '隱私', '資安']);
    assert.ok(result.startsWith('{\n  "mode": "extend",\n  "tags": [\n    { "tag": "AI", "label": "人工智慧" },\n    "隱私",\n    {"tag":"資安"'), result);
    assert.deepEqual(readBack(result, 'tags.json').tags, ['AI', '隱私', '資安']);
    const inline = edited(addTagToTaxonomy('{"tags": ["AI"]}', '資安', 'tags.json'));
    assert.deepEqual(JSON.parse(inline).tags, ['AI', { tag: '資安', label: '資安', synonyms: [] }]);
    const empty = edited(addTagToTaxonomy('{\n  "tags": []\n}', '資安', 'tags.json'));
    assert.deepEqual(JSON.parse(empty).tags, [{ tag: '資安', label: '資安', synonyms: [] }]);
  });

  it('adds a missing tags list in either format', () => {
    assert.deepEqual(readBack(edited(addTagToTaxonomy('mode: replace\n', '資安', 'tags.yaml')), 'tags.yaml'), { mode: 'replace', tags: ['資安'] });
    const json = edited(addTagToTaxonomy('{\n    "mode": "replace"\n}', '資安', 'tags.json'));
    assert.deepEqual(JSON.parse(json), { mode: 'replace', tags: [{ tag: '資安', label: '資安', synonyms: [] }] });
    assert.match(json, /\n {4}"mode"/, 'keeps the file\'s indentation');
  });

  it('keeps a byte-order mark and quotes tags YAML would read otherwise', () => {
    const result = edited(addTagToTaxonomy('\uFEFFtags:\n  - AI\n', 'yes', 'tags.yaml'));
    assert.ok(result.startsWith('\uFEFF'));
    assert.deepEqual(readBack(result, 'tags.yaml').tags, ['AI', 'yes']);
    const hostile = edited(addTagToTaxonomy('tags: []\n', '- x: [y]\n#', 'tags.yaml'));
    assert.deepEqual(readBack(hostile, 'tags.yaml').tags, ['- x: [y]\n#'.trim()]);
  });

  it('does nothing for a tag already there (any case), and refuses broken or odd files without quoting them', () => {
    assert.deepEqual(addTagToTaxonomy('tags:\n  - tag: AI\n', 'ai', 'tags.yaml'), { kind: 'unchanged' });
    assert.deepEqual(addTagToTaxonomy('{"tags": ["AI"]}', 'AI', 'tags.json'), { kind: 'unchanged' });
    for (const [text, name] of [
      ['tags: [a, b\nsecret: value', 'tags.yaml'],
      ['{"tags": ["secret" ', 'tags.json'],
      ['- secret\n- list\n', 'tags.yaml'],
      ['tags: secret\n', 'tags.yaml'],
    ] as const) {
      const edit = addTagToTaxonomy(text, '資安', name);
      assert.equal(edit.kind, 'error', text);
      assert.doesNotMatch(formatMessage((edit as { message: Localizable }).message), /secret/);
    }
    assert.equal(addTagToTaxonomy('tags: []', ' ', 'tags.yaml').kind, 'error');
  });
});
