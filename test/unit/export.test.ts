import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { recordsToBibtex } from '../../src/core/export/bibtexExport';
import { recordsToCslJson } from '../../src/core/export/citedRecords';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { libraryReaders } from '../../src/libraryReaders/bundled';
import { bytes, embeddedRecord } from './helpers';
import { libraryFixture, parseLibrary } from './libraryHelpers';

/** A record without where it was read: what must survive a round trip. */
const content = ({ origin: _origin, ...rest }: CorpusRecord) => rest;

describe('export', () => {
  it('CSL-JSON: load → export → load gives the same records', () => {
    const first = parseLibrary('zotero-export.json', libraryFixture('zotero-export.json'));
    assert.ok(first.records.length >= 3);
    const exported = recordsToCslJson(first.records);
    const second = parseLibrary('again.json', exported);
    assert.deepEqual(second.records.map(content), first.records.map(content));
  });

  it('BibTeX: load → export → load gives the same records', () => {
    const first = parseLibrary('better-bibtex.bib', libraryFixture('better-bibtex.bib'));
    assert.ok(first.records.length >= 4);
    const exported = recordsToBibtex(first.records);
    const second = parseLibrary('again.bib', exported);
    assert.deepEqual(second.problems.filter((problem) => problem.severity !== 'info'), []);
    assert.deepEqual(second.records.map(content), first.records.map(content));
  });

  it('our own records: CSL-JSON and BibTeX that read back with their title, date, URL, last visit and aliases', () => {
    const record = embeddedRecord('us-uk-partnership-announcement-2024');
    for (const [name, text] of [['own.json', recordsToCslJson([record])], ['own.bib', recordsToBibtex([record])]] as const) {
      const [back] = parseCorpusFile(`file:///ws/corpus/${name}`, bytes(text), { maxBytes: 1 << 20, readers: libraryReaders }).records;
      assert.ok(back, name);
      assert.equal(back.id, record.id, name);
      assert.equal(back.title, record.title, name);
      assert.equal(back.date, record.date, name);
      assert.equal(back.url, record.url, name);
      assert.equal(back.accessed, record.accessed, name);
      assert.equal(back.publisher, record.publisher, name);
      assert.deepEqual([...back.aliases].sort(), [...record.aliases].sort(), name);
    }
  });

  it('BibTeX: LaTeX specials in our text come back as text', () => {
    const record = { ...embeddedRecord('us-uk-partnership-announcement-2024'), id: 'specials', title: 'R&D at 100% {sure} $5 #1 a_b ~x^y \\path', aliases: [] };
    const [back] = parseLibrary('specials.bib', recordsToBibtex([record])).records;
    assert.equal(back?.title, record.title);
  });
});
