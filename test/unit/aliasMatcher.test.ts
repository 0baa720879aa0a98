import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AliasMatcher } from '../../src/core/search/aliasMatcher';
import { cpuTimeMs } from './helpers';

function matcherWith(entries: Record<string, string>): AliasMatcher {
  const matcher = new AliasMatcher();
  for (const [alias, id] of Object.entries(entries)) matcher.add(alias, id);
  return matcher;
}

test('finds CJK aliases anywhere in the text', () => {
  const matcher = matcherWith({ 布萊切利宣言: 'bletchley' });
  const text = '履行布萊切利宣言的承諾';
  const [match] = matcher.findAll(text);
  assert.ok(match);
  assert.equal(text.slice(match.start, match.end), '布萊切利宣言');
  assert.deepEqual(match.ids, ['bletchley']);
});

test('Latin aliases only on word boundaries', () => {
  const matcher = matcherWith({ AISI: 'aisi' });
  assert.equal(matcher.findAll('the AISIs and KAISI').length, 0);
  assert.equal(matcher.findAll('英國AISI與美國AISI。').length, 2);
  assert.equal(matcher.findAll('(AISI)').length, 1);
});

test('the longest match wins', () => {
  const matcher = matcherWith({ 布萊切利: 'park', 布萊切利宣言: 'declaration' });
  const matches = matcher.findAll('布萊切利宣言與布萊切利');
  assert.deepEqual(
    matches.map((match) => match.ids[0]),
    ['declaration', 'park'],
  );
});

test('matching ignores width, case and middle-dot variants', () => {
  const matcher = matcherWith({ '蜜雪兒·多尼蘭': 'donelan', 'Michelle Donelan': 'donelan' });
  const text = '蜜雪兒・多尼蘭（ＭＩＣＨＥＬＬＥ　ＤＯＮＥＬＡＮ）';
  const matches = matcher.findAll(text);
  assert.deepEqual(
    matches.map((match) => text.slice(match.start, match.end)),
    ['蜜雪兒・多尼蘭', 'ＭＩＣＨＥＬＬＥ　ＤＯＮＥＬＡＮ'],
  );
});

test('one alias of two records is reported with both ids', () => {
  const matcher = matcherWith({ 安全研究所: 'uk' });
  matcher.add('安全研究所', 'us');
  assert.deepEqual([...matcher.findAll('安全研究所')[0]!.ids].sort(), ['uk', 'us']);
});

test('removing a record takes its alias out without a rebuild', () => {
  const matcher = matcherWith({ MOU: 'mou' });
  assert.equal(matcher.findAll('the MOU').length, 1);
  matcher.remove('MOU', 'mou');
  assert.equal(matcher.findAll('the MOU').length, 0);
  matcher.add('MOU', 'mou2');
  assert.deepEqual(matcher.findAll('the MOU')[0]?.ids, ['mou2']);
});

test('scans a pathological text in linear time', () => {
  const matcher = matcherWith({ ['a'.repeat(100) + 'b']: 'x' });
  let found = -1;
  const elapsed = cpuTimeMs(() => (found = matcher.findAll('a'.repeat(200_000)).length));
  assert.equal(found, 0);
  assert.ok(elapsed < 2_000, `${elapsed.toFixed(0)} ms of CPU`);
});

test('aliases shorter than the bucket prefix (one or two characters) are found too', () => {
  const matcher = matcherWith({ AI: 'ai', 歐盟: 'eu', 英美人工智慧: 'long' });
  const text = '歐盟與英美人工智慧及AI政策，但不是AIR或SAID';
  assert.deepEqual(
    matcher.findAll(text).map((match) => text.slice(match.start, match.end)),
    ['歐盟', '英美人工智慧', 'AI'],
  );
});

test('a Latin alias next to CJK text is on a word boundary', () => {
  const matcher = matcherWith({ MOU: 'mou' });
  const text = '簽署MOU後，MOUs不算';
  assert.deepEqual(
    matcher.findAll(text).map((match) => text.slice(match.start, match.end)),
    ['MOU'],
  );
});
