import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AliasMatcher } from '../../src/core/search/aliasMatcher';
import { cpuTimeMs } from './helpers';
import { mulberry32 } from '../../bench/generateCorpus';

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

/** The oracle: at each position the longest alias there (word boundaries as the matcher keeps them), then on after it. */
function bruteForceMatches(aliases: ReadonlySet<string>, text: string): string[] {
  const word = (unit: number) => /[a-z0-9]/.test(String.fromCharCode(unit));
  const found: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = -1;
    const boundaryBefore = start === 0 || !word(text.charCodeAt(start - 1)) || !word(text.charCodeAt(start));
    for (let length = Math.min(120, text.length - start); length >= 1 && boundaryBefore && end < 0; length--) {
      const candidate = text.slice(start, start + length);
      const boundaryAfter = start + length === text.length || !word(text.charCodeAt(start + length - 1)) || !word(text.charCodeAt(start + length));
      if (aliases.has(candidate) && boundaryAfter && text.charCodeAt(start) !== 0x20) end = start + length;
    }
    if (end < 0) start++;
    else {
      found.push(text.slice(start, end));
      start = end;
    }
  }
  return found;
}

test('many aliases sharing their first units, of every length up to 120, found longest first as the brute force finds them, through growth and removals', () => {
  const next = mulberry32(Number(process.env.POLICY_ANNOTATOR_SEED ?? 19));
  const alphabet = ['人', '工', '智', 'a', 'b', ' '];
  const piece = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const matcher = new AliasMatcher();
  const aliases = new Set<string>();
  // Shared starts (人工智…) with lengths on both sides of every 32-unit word of the length masks.
  for (let count = 0; count < 3_000; count++) {
    const length = [1, 2, 3, 4, 31, 32, 33, 63, 64, 65, 95, 96, 97, 119, 120][count % 15]! + (count % 7 === 0 ? Math.floor(next() * 5) : 0);
    const alias = (count % 2 === 0 ? '人工智' : '') + piece(Math.max(1, length - (count % 2 === 0 ? 3 : 0)));
    const key = alias.trim().replace(/ +/g, ' ');
    if (key.length === 0 || key.length > 120) continue;
    matcher.addKey(key, `r${count}`);
    aliases.add(key);
  }
  const check = () => {
    for (let round = 0; round < 40; round++) {
      const text = [...aliases].filter(() => next() < 0.01).map((alias) => `${piece(3)}${alias}${piece(2)}`).join('').replace(/ +/g, ' ');
      assert.deepEqual(matcher.findAll(text).map((match) => match.alias), bruteForceMatches(aliases, text), text);
    }
  };
  check();
  // Removing most of them rewrites the filter and the masks from the aliases left.
  let removed = 0;
  for (const alias of [...aliases]) {
    if (removed++ % 4 === 3) continue;
    for (const id of matcher.lookup(alias)) matcher.remove(alias, id);
    aliases.delete(alias);
  }
  check();
});
