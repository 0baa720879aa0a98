import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLineFinder } from '../../src/core/corpus/formats/bibtex';
import { plainFieldValue } from '../../src/core/corpus/formats/bibtexPlain';
import { LineTable } from '../../src/core/corpus/jsonPositions';
import { mulberry32 as random } from '../../bench/generateCorpus';

// The library readers' hand-written shortcuts (issue 16: a 20,000-entry library loads in ≤ 2 s) must give what
// the plain regular expressions they replace gave: each is compared here with that expression on random text.

/** Text made of the characters that matter to the field-line scan: separators, name characters, `=`, white space of every kind. */
function randomText(next: () => number, pieces: readonly string[], length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += pieces[Math.floor(next() * pieces.length)]!;
  return text;
}

/** The expression fieldLineFinder used before it read the text character by character. */
function referenceFieldLines(text: string, input: string, offset: number): Map<string, number> {
  const lines = new LineTable(text);
  const result = new Map<string, number>();
  const pattern = /(^|[,{\s])([A-Za-z][\w:.+-]*)\s*=/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const name = match[2]!.toLowerCase();
    if (!result.has(name)) result.set(name, lines.lineOf(offset + match.index + match[1]!.length));
  }
  return result;
}

test('field lines of a .bib entry: the character scan finds what the regular expression found, on the same lines', () => {
  const next = random(16);
  const pieces = ['a', 'Z', 'title', 'URL', 'x1', '_', ':', '.', '+', '-', '=', ' ', '  ', '\n', '\t', '\u3000', '\u00a0', ',', '{', '}', '@', '"', '題', 'é', '\r\n'];
  for (let round = 0; round < 2_000; round++) {
    const before = randomText(next, ['x', '\n', ' '], Math.floor(next() * 20));
    const input = (round % 2 === 0 ? '@misc{' : '') + randomText(next, pieces, 1 + Math.floor(next() * 40));
    const text = `${before}${input}\n`;
    const expected = referenceFieldLines(text, input, before.length);
    const find = fieldLineFinder(input, { uri: 'file:///x.bib', embedded: false, offset: before.length, lines: new LineTable(text) });
    for (const [name, line] of expected) assert.equal(find(name), line, `round ${round}: ${JSON.stringify(input)} field ${name}`);
    // Nothing beyond what the expression finds: a name it never matched has no line.
    for (const candidate of ['title', 'url', 'a', 'z', 'x1', 'a=', 'missing']) {
      if (!expected.has(candidate)) assert.equal(find(candidate), undefined, `round ${round}: ${JSON.stringify(input)} field ${candidate}`);
    }
  }
});

test('plain field values: a value with no dash, brace or unusual white space is kept as the full replacement chain kept it', () => {
  const next = random(61);
  const pieces = ['a', 'B', '1', ' ', '  ', '\t', '\n', '-', '--', '---', '{', '}', '\u3000', '\u00a0', '題', 'é', ',', ' and ', '.'];
  const chain = (value: string) => value.replace(/---?/g, (dashes) => (dashes === '---' ? '\u2014' : '\u2013')).replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  let compared = 0;
  for (let round = 0; round < 5_000; round++) {
    const value = randomText(next, pieces, 1 + Math.floor(next() * 12));
    for (const field of ['title', 'journaltitle', 'abstract']) {
      const plain = plainFieldValue(field, value);
      if (plain === undefined || value.trim() === '') continue;
      compared++;
      assert.equal(plain, chain(value), `${field}: ${JSON.stringify(value)}`);
    }
  }
  assert.ok(compared > 1_000, `only ${compared} values were plain`);
});

test('line table: the line of every offset, asked in order, out of order and again, is the number of newlines before it', () => {
  const next = random(7);
  for (let round = 0; round < 200; round++) {
    const text = randomText(next, ['a', '\n', '\r\n', '題', ' '], Math.floor(next() * 60));
    const table = new LineTable(text);
    const offsets = Array.from({ length: 30 }, () => Math.floor(next() * (text.length + 3)) - 1);
    // Mostly ascending runs (as readers ask) with jumps back between them.
    offsets.sort((a, b) => (round % 3 === 0 ? a - b : 0));
    for (const offset of offsets) {
      const expected = offset <= 0 ? 0 : text.slice(0, offset).split('\n').length - 1;
      assert.equal(table.lineOf(offset), expected, `${JSON.stringify(text)} at ${offset}`);
    }
  }
});
