import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statuteShortForm } from '../../src/core/law/statuteShortForm';

describe('statute short form (inlay hints)', () => {
  it('writes article, paragraph, item and qualifier in § notation', () => {
    assert.equal(statuteShortForm({ article: { main: 6 }, paragraph: 1, item: 2 }), '§6 I ②');
    assert.equal(statuteShortForm({ article: { main: 14, sub: 4 } }), '§14-4');
    assert.equal(statuteShortForm({ article: { main: 184 }, paragraph: 1, qualifier: '前段' }), '§184 I 前段');
    assert.equal(statuteShortForm({ article: { main: 6 }, through: { main: 8 } }), '§6–8');
    assert.equal(statuteShortForm({ article: { main: 3 }, paragraph: 2, item: 1, subitem: 3 }), '§3 II ① 3目');
    assert.equal(statuteShortForm({}), undefined);
  });
});
