// The corpus index against straightforward references over seeded random records and edits (issue 19: the
// build leaves the weak names to the first question about them, the alias filter's bits to the first scan or
// the idle slices, and keeps the fuzzy search's names in one flat array). Every answer must be the one a
// plain map over the live records gives, whatever happened before: adds, replacements, swaps, removals
// (enough to rewrite the filter and compact the fuzzy search) and idle slices at any point.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { AliasMatcher, isLatinWordUnit, MAX_ALIAS_LENGTH } from '../../src/core/search/aliasMatcher';
import { CorpusIndex, type RecordChangeKind } from '../../src/core/search/corpusIndex';
import { FuzzySearch } from '../../src/core/search/fuzzySearch';
import { normalizeKey, normalizeWithOffsets } from '../../src/core/search/normalize';
import { namesOf } from '../../src/core/search/recordNames';
import { nameRefusal } from '../../src/core/search/spoofing';
import { weakKeysOf } from '../../src/core/search/weakAliases';
import { CJK_POOL, mulberry32 } from '../../bench/generateCorpus';

const seed = Number(process.env.POLICY_ANNOTATOR_SEED ?? 23);

/** Names that collide, are generic (weak by the rule), one character, spoofing (①), Latin on word boundaries. */
function nameMaker(next: () => number): () => string {
  const cjk = ['人', '工', '智', '慧', '治', '理', '法', '案'];
  const generic = ['合作備忘錄', '備忘錄', '研究所', '峰會', 'MOU', 'joint statement', 'Act', 'UK'];
  const latin = ['data', 'act', 'ai', 'safety', 'gov'];
  return () => {
    const roll = next();
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    if (roll < 0.15) return pick(generic);
    if (roll < 0.2) return pick(cjk);
    if (roll < 0.23) return `${pick(cjk)}①`;
    if (roll < 0.5) return Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(latin)).join(next() < 0.5 ? ' ' : '-').toUpperCase();
    return Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(cjk)).join('');
  };
}

function record(id: string, title: string, aliases: string[], weakAliases?: string[], summary = 'a'): CorpusRecord {
  return { id, type: 'report', title, aliases, ...(weakAliases ? { weakAliases } : {}), summary: { en: summary }, tags: [], related: [], origin: { uri: 'file:///c.json', line: 0, fieldLines: {}, embedded: false } };
}

/** What lookupName answers, from the live records: each name the matcher accepts (spoofing names refused, one-character titles kept). */
function referenceNames(live: ReadonlyMap<string, CorpusRecord>): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  for (const entry of live.values()) {
    namesOf(entry).forEach((name, position) => {
      const key = normalizeKey(name);
      const refusal = nameRefusal(name);
      if (key.length === 0 || key.length > MAX_ALIAS_LENGTH || !(refusal === undefined || (refusal === 'too-short' && position === 0))) return;
      names.set(key, (names.get(key) ?? new Set()).add(entry.id));
    });
  }
  return new Map([...names].map(([key, ids]) => [key, [...ids].sort()]));
}

/** Leftmost-longest occurrences of the names in a normalised text, Latin names only on word boundaries. */
function referenceMentions(names: ReadonlyMap<string, string[]>, text: string): Array<{ alias: string; ids: readonly string[] }> {
  const word = (at: number) => at >= 0 && at < text.length && isLatinWordUnit(text.charCodeAt(at));
  const found: Array<{ alias: string; ids: readonly string[] }> = [];
  for (let start = 0; start < text.length; ) {
    let end = -1;
    if (text.charCodeAt(start) !== 0x20 && !(word(start - 1) && word(start))) {
      for (let length = Math.min(MAX_ALIAS_LENGTH, text.length - start); length >= 1 && end < 0; length--) {
        if (names.has(text.slice(start, start + length)) && !(word(start + length - 1) && word(start + length))) end = start + length;
      }
    }
    if (end < 0) start++;
    else {
      const alias = text.slice(start, end);
      found.push({ alias, ids: names.get(alias)! });
      start = end;
    }
  }
  return found;
}

test('corpus index: names, weak names, mentions and the change journal answer as plain maps over the live records, through edits and idle slices', () => {
  const next = mulberry32(seed);
  const name = nameMaker(next);
  const index = new CorpusIndex();
  const live = new Map<string, CorpusRecord>();
  const journal: Array<{ generation: number; id: string; kind: RecordChangeKind }> = [];
  const everyKey = new Set<string>();
  const generations: number[] = [];
  const newRecord = (id: string) => {
    const names = Array.from({ length: 1 + Math.floor(next() * 4) }, name);
    for (const each of names) everyKey.add(normalizeKey(each));
    return record(id, names[0]!, names.slice(1), next() < 0.1 ? names.slice(1).filter(() => next() < 0.5) : undefined);
  };
  const check = () => {
    const names = referenceNames(live);
    for (const key of everyKey) assert.deepEqual(index.lookupName(key), names.get(key) ?? [], `lookupName ${key}`);
    for (const key of everyKey) {
      for (const id of ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11']) {
        const entry = live.get(id);
        assert.equal(index.isWeak(key, id), entry !== undefined && weakKeysOf(entry).has(key), `isWeak ${key} ${id}`);
      }
    }
    const keys = [...everyKey];
    for (let round = 0; round < 5; round++) {
      const text = Array.from({ length: 12 }, () => `${keys[Math.floor(next() * keys.length)]}${['', ' ', '的', 'x', '-'][Math.floor(next() * 5)]}`).join('');
      const found = index.findMentions({ normalized: normalizeWithOffsets(text) }).map(({ alias, ids }) => ({ alias, ids }));
      assert.deepEqual(found, referenceMentions(names, text), text);
    }
    for (const generation of generations.slice(-20)) {
      const changes = index.changesSince(generation);
      assert.ok(changes, `changes since ${generation}`);
      assert.deepEqual(changes, journal.filter((change) => change.generation > generation).map(({ id, kind }) => ({ id, kind })));
    }
    assert.equal(index.changesSince(index.generation)?.length, 0);
  };
  for (let step = 0; step < 1_500; step++) {
    const id = `r${Math.floor(next() * 12)}`;
    const roll = next();
    const before = index.generation;
    if (roll < 0.55) {
      const entry = newRecord(id);
      const existed = live.has(id);
      index.set(entry);
      live.set(id, entry);
      // A replacement with other names is a removal, then an add, each a generation of its own.
      if (existed) journal.push({ generation: before + 1, id, kind: 'deleted' });
      journal.push({ generation: index.generation, id, kind: 'added' });
    } else if (roll < 0.65 && live.has(id)) {
      // The same names, another summary: swapped in place.
      const entry = { ...live.get(id)!, summary: { en: `edited ${step}` } };
      index.set(entry);
      live.set(id, entry);
      journal.push({ generation: index.generation, id, kind: 'swapped' });
    } else if (roll < 0.85 && live.has(id)) {
      index.delete(id);
      live.delete(id);
      journal.push({ generation: index.generation, id, kind: 'deleted' });
    } else {
      index.prepareSearch(1 + Math.floor(next() * 3));
    }
    generations.push(before);
    if (step % 50 === 49) check();
  }
  check();
});

test('alias matcher: adds, removals (the filter rewritten), scans and sliced prepares in any order find what a brute force finds', () => {
  const next = mulberry32(seed + 1);
  const name = nameMaker(next);
  const matcher = new AliasMatcher();
  const names = new Map<string, string[]>();
  const everyKey: string[] = [];
  for (let step = 0; step < 6_000; step++) {
    const roll = next();
    if (roll < 0.6 || names.size === 0) {
      const key = normalizeKey(`${name()}${next() < 0.5 ? name() : ''}`);
      const id = `r${Math.floor(next() * 5)}`;
      matcher.addKey(key, id);
      if (!names.get(key)?.includes(id)) names.set(key, [...(names.get(key) ?? []), id].sort());
      everyKey.push(key);
    } else if (roll < 0.9) {
      // Removals outnumber adds for a while: more than a quarter of the aliases go, and the filter is rewritten.
      const key = [...names.keys()][Math.floor(next() * names.size)]!;
      for (const id of names.get(key)!) matcher.remove(key, id);
      names.delete(key);
    } else if (roll < 0.95) {
      matcher.prepare(1 + Math.floor(next() * 50));
    } else {
      const text = Array.from({ length: 10 }, () => `${everyKey[Math.floor(next() * everyKey.length)]}${['', ' ', '的'][Math.floor(next() * 3)]}`).join('');
      assert.deepEqual(
        matcher.findAll(text).map(({ alias, ids }) => ({ alias, ids })),
        referenceMentions(names, text),
        text,
      );
    }
  }
});

test('fuzzy search, names in one array: every live record is found by each of its names, removed ones never, and after a compaction it answers as a fresh search', () => {
  const next = mulberry32(seed + 2);
  // Names of many grams (the search ranks the 32 records sharing the most with the query: a name of four common
  // grams may not be among them, before and after the change alike).
  const name = () =>
    next() < 0.5
      ? Array.from({ length: 4 + Math.floor(next() * 5) }, () => CJK_POOL[Math.floor(next() * CJK_POOL.length)]).join('')
      : Array.from({ length: 2 + Math.floor(next() * 3) }, () => Array.from({ length: 3 + Math.floor(next() * 5) }, () => String.fromCharCode(0x61 + Math.floor(next() * 26))).join('')).join(' ');
  const search = new FuzzySearch();
  const live = new Map<string, string[]>();
  const order: string[] = [];
  const removed = new Set<string>();
  for (let step = 0; step < 600; step++) {
    const id = `r${Math.floor(next() * 200)}`;
    if (next() < 0.6) {
      const names = Array.from({ length: 1 + Math.floor(next() * 3) }, name);
      search.add(id, names[0]!, names.slice(1));
      live.set(id, names.map(normalizeKey));
      order.splice(order.indexOf(id) >>> 0, order.includes(id) ? 1 : 0);
      order.push(id);
      removed.delete(id);
    } else if (live.has(id)) {
      search.remove(id);
      live.delete(id);
      order.splice(order.indexOf(id), 1);
      removed.add(id);
    }
  }
  for (const [id, names] of live) {
    for (const each of names) {
      const hits = search.search(each, 200);
      assert.ok(hits.some((hit) => hit.id === id && hit.score > 0.999), `${id} by ${each}`);
      assert.ok(hits.every((hit) => !removed.has(hit.id)), `no removed record for ${each}`);
    }
  }
  // Enough removals force a compaction: the live records in their order, as a fresh search lists them.
  for (const id of [...live.keys()].filter(() => next() < 0.5)) {
    search.remove(id);
    live.delete(id);
    order.splice(order.indexOf(id), 1);
  }
  const fresh = new FuzzySearch();
  for (const id of order) fresh.addKeys(id, live.get(id)![0]!, live.get(id)!.slice(1));
  for (const names of live.values()) for (const each of names) assert.deepEqual(search.search(`${each}x`, 20), fresh.search(`${each}x`, 20), each);
});
