import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findStatuteCitations } from '../../src/core/law/citations';
import { lineMayCiteStatute } from '../../src/core/law/statuteHint';
import { embeddedIndex } from './lawHelpers';

const STATUTES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'statutes');

/** The texts of the labelled statute cases (`text => expected`, `\n` a line break). */
function caseTexts(): string[] {
  return readdirSync(STATUTES)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(STATUTES, name), 'utf8').split('\n'))
    .filter((line) => line.includes('=>') && !line.startsWith('#'))
    .map((line) => line.slice(0, line.lastIndexOf('=>')).trim().replaceAll('\\n', '\n'));
}

test('every line a detected statute reference touches has an article marker or a bracket', async () => {
  const index = await embeddedIndex();
  const texts = caseTexts();
  assert.ok(texts.length > 200, `only ${texts.length} labelled cases found`);
  let references = 0;
  for (const text of texts) {
    for (const reference of findStatuteCitations(text, index).references) {
      references++;
      let lineStart = text.lastIndexOf('\n', reference.start - 1) + 1;
      while (lineStart < reference.end) {
        const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
        assert.ok(lineMayCiteStatute(text.slice(lineStart, lineEnd)), `a reference on a line without a marker: ${JSON.stringify(reference.text)}`);
        lineStart = lineEnd + 1;
      }
    }
  }
  assert.ok(references > 200, `only ${references} references found`);
});

test('a line of prose without article markers or brackets cannot cite a statute', () => {
  assert.equal(lineMayCiteStatute('兩國於2024年4月1日簽署合作備忘錄（MOU），以履行布萊切利宣言的承諾。'), false);
  assert.equal(lineMayCiteStatute('The memorandum follows the Bletchley Declaration.'), false);
  for (const line of ['依個資法第6條', '民法184條', '§ 6', '《個人資料保護法》', '依「個人資料保護法」規定']) assert.equal(lineMayCiteStatute(line), true, line);
});
