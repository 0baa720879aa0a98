import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHoverCard } from '../../src/core/hoverCard';
import { archivedCopyUrl } from '../../src/core/util/markdownEscape';
import { embeddedRecord } from './helpers';

test('archived copy: the Wayback Machine URL of the last visit, http(s) only, escaped for a Markdown link', () => {
  assert.equal(archivedCopyUrl('https://www.gov.uk/a?b=1', '2024-06-30'), 'https://web.archive.org/web/20240630/https://www.gov.uk/a?b=1');
  assert.equal(archivedCopyUrl('https://example.org/a_(b) c', '2024-06'), 'https://web.archive.org/web/20240601/https://example.org/a_%28b%29%20c');
  assert.equal(archivedCopyUrl('javascript:alert(1)', '2024-06-30'), undefined);
  assert.equal(archivedCopyUrl('ftp://example.org/file', '2024-06-30'), undefined);
  assert.equal(archivedCopyUrl('https://example.org/', 'June 30, 2024'), undefined);
  assert.equal(archivedCopyUrl('https://example.org/', undefined), undefined);
});

test('the hover card offers the archived copy as of the citation line’s last visit, else the record’s', () => {
  const record = embeddedRecord('us-uk-partnership-announcement-2024');
  const card = renderHoverCard(record, 'en', { lastVisit: '2024-07-02' });
  assert.ok(card.includes(`[Archived copy](https://web.archive.org/web/20240702/${record.url})`), card);
  const own = renderHoverCard({ ...record, url: 'javascript:alert(1)' }, 'zh');
  assert.doesNotMatch(own, /web\.archive\.org/);
});
