import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bibtexEntries, type BibtexParse } from '../../src/core/corpus/formats/bibtex';
import { generateLibrary } from '../../bench/generateLibrary';
import { cpuTimeMs } from './helpers';
import { parseLibrary } from './libraryHelpers';

// The same package the readers bundle (see src/libraryReaders/bundled.ts for why it is required).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@retorquere/bibtex-parser') as { parse: BibtexParse };
const OPTIONS = { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: false } as const;

/** Our reader's entries (plain fields mapped by us, LaTeX ones by the parser) against the parser alone on the whole text. */
function assertSameAsParser(text: string): number {
  const faults: string[] = [];
  const steps = bibtexEntries(text, parse, (_offset, severity, code) => faults.push(`${severity}:${code}`));
  let next = steps.next();
  while (!next.done) next = steps.next();
  const ours = next.value.map(({ entry }) => entry);
  const theirs = parse(text, OPTIONS);
  assert.deepEqual(theirs.errors, [], 'the test text is valid BibTeX');
  assert.deepEqual(faults, []);
  assert.equal(ours.length, theirs.entries.length);
  const byKey = new Map(ours.map((entry) => [entry.key, entry] as const));
  for (const expected of theirs.entries) {
    const actual = byKey.get(expected.key);
    assert.ok(actual, `entry ${expected.key} is read`);
    assert.deepEqual({ type: actual.type, fields: actual.fields, mode: actual.mode, input: actual.input }, { type: expected.type, fields: expected.fields, mode: expected.mode, input: expected.input }, `entry ${expected.key}`);
  }
  return ours.length;
}

test('fields without LaTeX, mapped by the reader itself, equal what the parser gives (hand-written edge cases)', () => {
  const text = String.raw`% a comment line with an @ sign in it: name@example.org
@string{ inst = "Ministry of Digital Affairs" }
@string(both = inst # " and Friends")
@comment{ anything {at all} }
@online{web1,
  url = {https://ex.org/a_b%20c?x=1&y=2#f~g^h<i>j},
  doi = {10.1000/ab_c%2F},
  keywords = {b, A; c,  a, b},
  keywords = {z},
  title = {Hello   World
   again "quoted" it's},
  author = {van der Berg, Anna and John Smith and Mary Ann de la Cruz and Doe, Jr., John and 王小明 and Jean-Luc Picard and Cher},
  publisher = {Foo and Bar},
  month = {March},
  year = {2020},
  note = {alias: X
alias: Y},
  langid = {english}
}
@book(book1, title = "Plain " # inst, institution = both, year = 1999, month = 3, % trailing comment
  editor = {Anna van Berg and Wu, Mei},
  title = {Second title})
@report{rep1, title = {Acronyms {AI} and {\"U}ber}, author = {{國家發展委員會} and M{\"u}ller, Hans}, date = {2024-03-01}, location = {Taipei and Tokyo}}
@article{art1, journal = cacm, month = feb, pages = {10--20}, title = {Cost & benefit}, note = {one

two}}
@report{braces1, title = {{OECD} Health {AI}}, note = {a---b and x{-}-y, a----b}, journaltitle = {{A} {B}  {{nested}}}, booktitle = { {x}  y },
  subtitle = {A{}B}, series = {2019--2024}, publisher = {2019--2024 Press}, institution = {{Foo and Bar} and Baz}, year = {2020}, month = {{5}}}
`;
  assert.equal(assertSameAsParser(text), 5);
});

test('a generated Better BibTeX library reads the same through the reader as through the parser alone', () => {
  assert.equal(assertSameAsParser(generateLibrary(400, 7).bibtex), 400);
});

test('a 2,000-entry library loads in well under the time the parser alone takes (CPU time)', () => {
  const { bibtex } = generateLibrary(2_000, 11);
  // Both warmed up first: the parser's first few hundred values are mostly the JIT's work.
  const warm = generateLibrary(300, 12).bibtex;
  parseLibrary('warm.bib', warm);
  parse(warm, OPTIONS);
  let records = 0;
  const ours = cpuTimeMs(() => {
    records = parseLibrary('library.bib', bibtex).records.length;
  });
  const parserAlone = cpuTimeMs(() => parse(bibtex, OPTIONS));
  assert.equal(records, 2_000);
  // The reader sends only LaTeX values to the parser; before, it took longer than the parser alone.
  assert.ok(ours < parserAlone / 2, `reader ${ours.toFixed(0)} ms, parser alone ${parserAlone.toFixed(0)} ms`);
});

test('bad entries in the middle of a big library: each reported on its own line, every other entry loaded', () => {
  const entries = generateLibrary(300, 5).bibtex.split(/\n(?=@)/);
  entries[100] = entries[100]!.replace(/title = \{/, 'title = {{'); // unbalanced braces
  entries[200] = entries[200]!.replace(/url = \{[^}]*\}/, 'url = {javascript:alert(1)}');
  entries[250] = entries[250]!.replace(/urldate = \{[^}]*\}/, 'urldate = {2024-13-40}');
  const macros = Array.from({ length: 5000 }, (_, index) => `@string{m${index} = {Macro ${index}}}`).join('\n');
  const text = `${macros}\n${entries.join('\n')}`;
  const lines = (index: number) => {
    const start = text.split('\n').length - `${entries.slice(index).join('\n')}`.split('\n').length;
    return { start, end: start + entries[index]!.split('\n').length };
  };
  const file = parseLibrary('library.bib', text);
  assert.equal(file.records.length, 299);
  const within = (code: string, index: number) => file.problems.filter((problem) => problem.code === code && problem.line >= lines(index).start && problem.line < lines(index).end).length;
  assert.equal(within('bibtex-syntax', 100), 1);
  assert.equal(file.problems.filter((problem) => problem.code === 'bibtex-syntax').length, 1, 'the fault stays in its entry');
  assert.equal(within('corpus-unsafe-url', 200), 1);
  assert.equal(within('corpus-invalid-date', 250), 1);
  assert.equal(file.records.find((record) => record.id === /\{([^,]+),/.exec(entries[200]!)![1])?.url, undefined);
});
