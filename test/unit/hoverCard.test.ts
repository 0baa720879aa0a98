import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateWithRoc, parseIsoDate, rocYearLabel } from '../../src/core/util/dates';
import { embeddedRecord } from './helpers';
import { renderHoverCard } from '../../src/core/hoverCard';
import { escapeMarkdownText, safeHttpUrl } from '../../src/core/util/markdownEscape';
import type { CorpusRecord } from '../../src/core/corpus/record';

test('dates are shown with the ROC year', () => {
  assert.equal(formatDateWithRoc('2024-04-01', 'zh'), '2024年4月1日／民國113年');
  assert.equal(formatDateWithRoc('2024-04-01', 'en'), 'April 1, 2024 (ROC 113)');
  assert.equal(formatDateWithRoc('2023-11', 'zh'), '2023年11月／民國112年');
  assert.equal(rocYearLabel(1912), '民國元年');
  assert.equal(rocYearLabel(1900), '民國前12年');
  assert.equal(parseIsoDate('2024-02-30'), undefined);
  // Leap years by arithmetic (no Date object per call): every 4th year, not centuries, but every 400th.
  assert.deepEqual([parseIsoDate('2024-02-29'), parseIsoDate('2000-02-29'), parseIsoDate('1900-02-29'), parseIsoDate('2023-02-29'), parseIsoDate('2023-04-31'), parseIsoDate('2023-12-31')], [{ year: 2024, month: 2, day: 29 }, { year: 2000, month: 2, day: 29 }, undefined, undefined, undefined, { year: 2023, month: 12, day: 31 }]);
  assert.equal(parseIsoDate('yesterday'), undefined);
});

test('corpus text is escaped so nothing in it is active', () => {
  const escaped = escapeMarkdownText('[x](command:evil) <img src=x onerror=alert(1)> $(zap) ![](https://t.example/x.png)');
  assert.doesNotMatch(escaped, /(?<!\\)[[\]()<>!$]/);
  assert.doesNotMatch(escaped, /https:\/\//);
});

test('only http(s) URLs become links', () => {
  assert.equal(safeHttpUrl('javascript:alert(1)'), undefined);
  assert.equal(safeHttpUrl('command:workbench.action.quit'), undefined);
  assert.equal(safeHttpUrl('file:///etc/passwd'), undefined);
  assert.equal(safeHttpUrl('https://example.com/a(b)'), 'https://example.com/a%28b%29');
});

test('the card shows title, date with ROC year, publisher, link, summary and tags', () => {
  const record = embeddedRecord('bletchley-declaration-2023');
  const card = renderHoverCard(record, 'zh');
  assert.match(card, /\*\*The Bletchley Declaration\*\*/);
  assert.match(card, /2023年11月1日／民國112年/);
  assert.match(card, /GOV\\\.UK/);
  assert.match(card, /\]\(https:\/\/www\.gov\.uk\/government\/publications\//);
  assert.match(card, /人工智慧安全峰會/);
  assert.match(card, /人工智慧監管/);
  assert.ok(renderHoverCard(record, 'en').includes('AI Safety Summit of 1\\-2 November 2023'));
});

test('a hostile record shows its text literally and links nowhere', () => {
  const hostile: CorpusRecord = {
    id: 'x',
    type: 'article',
    title: '[click](command:workbench.action.quit)',
    aliases: [],
    url: 'javascript:alert(1)',
    summary: { en: '<a href="https://evil.example">x</a>' },
    tags: ['$(zap)'],
    related: [],
    origin: { uri: 'file:///x.md', line: 0, fieldLines: {}, embedded: false },
  };
  const card = renderHoverCard(hostile, 'en');
  assert.doesNotMatch(card, /\]\(/);
  assert.doesNotMatch(card, /(?<!\\)</);
});

test('a URL cannot escape its link destination, and bidi controls are not shown', () => {
  assert.equal(safeHttpUrl('https://x.org/a?q=1\\'), 'https://x.org/a?q=1%5C');
  assert.equal(safeHttpUrl('https://x.org/[a]'), 'https://x.org/%5Ba%5D');
  const record: CorpusRecord = {
    id: 'x', type: 'article', title: 'X', aliases: [], url: 'https://x.org/%E2%80%AEfdp.exe', summary: {}, tags: [], related: [],
    origin: { uri: 'file:///x.md', line: 0, fieldLines: {}, embedded: false },
  };
  assert.doesNotMatch(renderHoverCard(record, 'en'), /\u202e/);
});
