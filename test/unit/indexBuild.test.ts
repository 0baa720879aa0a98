import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { AliasMatcher } from '../../src/core/search/aliasMatcher';
import { ApproximateMatcher } from '../../src/core/search/approximateMatch';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { FuzzySearch } from '../../src/core/search/fuzzySearch';
import { mulberry32 } from '../../bench/generateCorpus';

function record(id: string, title: string, url?: string, aliases: string[] = []): CorpusRecord {
  return { id, type: 'report', title, aliases, summary: {}, tags: [], related: [], ...(url ? { url } : {}), origin: { uri: 'file:///c.json', line: 0, fieldLines: {}, embedded: false } };
}

/** The oracle: edits turning the pattern into each substring of the text, the fewest of them (brute force). */
function bruteForce(pattern: string, text: string): number {
  const levenshtein = (a: string, b: string): number => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
    return previous[b.length]!;
  };
  let best = pattern.length;
  for (let start = 0; start <= text.length; start++) for (let end = start; end <= text.length; end++) best = Math.min(best, levenshtein(pattern, text.slice(start, end)));
  return best;
}

test('approximate substring distance equals the brute-force minimum over every substring', () => {
  const next = mulberry32(Number(process.env.POLICY_ANNOTATOR_SEED ?? 7));
  const alphabet = ['人', '工', '智', '慧', 'a', 'b'];
  const word = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const matcher = new ApproximateMatcher();
  for (let run = 0; run < 400; run++) {
    const pattern = word(6);
    const text = word(9);
    assert.equal(matcher.distance(pattern, text), bruteForce(pattern, text), `${pattern} in ${text}`);
  }
  assert.equal(matcher.distance('人工智彗', '台灣人工智慧治理'), 1);
  assert.equal(matcher.distance('治理', '人工智慧治理'), 0);
});

test('fuzzy search with edit ranking: the one-typo name first, nothing past the threshold', () => {
  const search = new FuzzySearch(12, 'edits');
  search.add('a', '人工智慧治理', []);
  search.add('b', '人工智慧安全', []);
  search.add('c', '資料保護', ['data protection']);
  assert.equal(search.search('人工智彗治理')[0]?.id, 'a');
  assert.equal(search.search('data protectoin')[0]?.id, 'c');
  assert.deepEqual(search.search('完全無關的字串'), []);
});

test('fuzzy search: records added, replaced and removed between searches (grams listed lazily) are found as if listed at once', () => {
  const lazy = new FuzzySearch();
  lazy.add('a', 'Artificial Intelligence Act', []);
  assert.equal(lazy.search('Artifical Intelligence Act')[0]?.id, 'a');
  lazy.add('b', 'Data Governance Act', []);
  lazy.remove('a');
  lazy.add('a', 'Cyber Resilience Act', []);
  assert.equal(lazy.search('Data Govrnance Act')[0]?.id, 'b');
  assert.equal(lazy.search('Cyber Resilence Act')[0]?.id, 'a');
  assert.ok(!lazy.search('Artifical Intelligence Act').some((hit) => hit.id === 'a'));
});

test('URL lookups and hosts: records replaced or removed before the first lookup leave no trace', () => {
  const index = new CorpusIndex();
  index.set(record('a', 'First report', 'https://example.org/a'));
  index.set(record('b', 'Second report', 'https://www.other.example/b'));
  index.set(record('a', 'First report, moved', 'https://example.org/a2'));
  index.delete('b');
  assert.deepEqual(index.lookupUrl('https://example.org/a'), []);
  assert.deepEqual(index.lookupUrl('https://example.org/a2'), ['a']);
  assert.equal(index.hasHost('https://other.example/x'), false);
  assert.equal(index.hasHost('https://example.org/x'), true);
  // After the first lookup: removals take out what the lookup put in, and a later record is added.
  index.delete('a');
  assert.deepEqual(index.lookupUrl('https://example.org/a2'), []);
  assert.equal(index.hasHost('https://example.org/x'), false);
  index.set(record('c', 'Third report', 'https://example.org/c'));
  index.set(record('d', 'Fourth report', 'https://example.org/c'));
  assert.deepEqual([...index.lookupUrl('https://example.org/c')].sort(), ['c', 'd']);
  index.delete('c');
  assert.deepEqual(index.lookupUrl('https://example.org/c'), ['d']);
  assert.equal(index.hasHost('https://example.org/'), true);
});

test('alias matcher: after many removals (stale lengths, then a rebuild) mentions are still exactly the live aliases', () => {
  const matcher = new AliasMatcher();
  const aliases = Array.from({ length: 3_000 }, (_, n) => `人工智慧${'治理'.repeat(1 + (n % 5))}${n}`);
  for (const [n, alias] of aliases.entries()) matcher.add(alias, `r${n}`);
  for (const [n, alias] of aliases.entries()) if (n % 3 !== 0) matcher.remove(alias, `r${n}`);
  for (const [n, alias] of aliases.entries()) {
    if (n % 97 !== 0 && n % 97 !== 1) continue;
    const found = matcher.findAll(`前文${alias}後文`);
    if (n % 3 === 0) assert.deepEqual(found.map((match) => match.ids), [[`r${n}`]], alias);
    // A removed alias matches nothing longer than a live one that happens to be its prefix.
    else assert.ok(found.every((match) => match.ids.every((id) => Number(id.slice(1)) % 3 === 0)), alias);
  }
});

test('prepareSearch in slices lists every record once: the same hits as a search that lists them itself', () => {
  const titles = ['Artificial Intelligence Act', 'Data Governance Act', 'Cyber Resilience Act', '人工智慧基本法', '個人資料保護法'];
  const sliced = new CorpusIndex();
  const whole = new CorpusIndex();
  for (const [n, title] of titles.entries()) {
    sliced.set(record(`r${n}`, title));
    whole.set(record(`r${n}`, title));
  }
  const rounds: boolean[] = [];
  for (let round = 0; round < 10 && rounds.at(-1) !== true; round++) rounds.push(sliced.prepareSearch(2));
  assert.deepEqual(rounds, [false, false, true]);
  for (const query of ['Data Govrnance Act', '人工智彗基本法', '個資保護法', 'Cyber Act']) assert.deepEqual(sliced.search(query), whole.search(query), query);
});

test('corpus index: records removed or renamed after a build (ids mapped to slots only then) leave the fuzzy search, in slices or at once', () => {
  for (const sliced of [false, true]) {
    const index = new CorpusIndex();
    const titles = Array.from({ length: 300 }, (_, n) => `Policy Report Number ${n} on Data Governance`);
    index.setMany(titles.map((title, n) => record(`r${n}`, title)));
    // Part of the ids mapped by the idle slices, the rest by the first removal.
    if (sliced) index.prepareSearch(120);
    index.delete('r7');
    index.set(record('r8', 'Cyber Resilience Bulletin'));
    index.set(record('r250', 'Policy Report Number 250 on Data Governance', 'https://example.org/250'));
    assert.equal(index.size, 299);
    assert.ok(!index.search('Policy Report Number 7 on Data Governance', 50).some((hit) => hit.id === 'r7'));
    assert.ok(!index.search('Policy Report Number 8 on Data Governance', 50).some((hit) => hit.id === 'r8'));
    assert.equal(index.search('Cyber Resilence Bulletin')[0]?.id, 'r8');
    assert.equal(index.search('Policy Report Numbr 250 on Data Governance')[0]?.id, 'r250');
    assert.deepEqual(index.lookupName('policy report number 9 on data governance'), ['r9']);
  }
});

test('URLs indexed in idle slices: lookups and hosts as when the first lookup indexes them all, shared URLs in the order added', () => {
  const records = Array.from({ length: 50 }, (_, n) => record(`r${n}`, `Report ${n}`, `https://example${n % 4}.org/${n % 7}`));
  const sliced = new CorpusIndex();
  const whole = new CorpusIndex();
  sliced.setMany(records);
  whole.setMany(records);
  const rounds: boolean[] = [];
  for (let round = 0; round < 20 && rounds.at(-1) !== true; round++) {
    rounds.push(sliced.prepareSearch(8));
    // A record replaced between slices: its old URL goes, the new one comes.
    if (round === 2) {
      sliced.set(record('r3', 'Report 3', 'https://moved.example/3'));
      whole.set(record('r3', 'Report 3', 'https://moved.example/3'));
    }
  }
  assert.equal(rounds.at(-1), true);
  assert.ok(rounds.length > 2, 'more than one slice');
  for (const url of [...records.map((entry) => entry.url!), 'https://moved.example/3']) {
    assert.deepEqual(sliced.lookupUrl(url), whole.lookupUrl(url), url);
    assert.equal(sliced.hasHost(url), whole.hasHost(url), url);
  }
  assert.equal(sliced.lookupUrl('https://example0.org/0').length > 1, true);
});
