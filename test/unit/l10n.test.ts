import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatMessage, msg } from '../../src/core/util/messages';

/** Every `vscode.l10n.t('…')` and core `msg('…')` template in the sources, read as the string literal it is. */
export function templatesInSources(root = 'src'): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\b(?:l10n\.t|msg)\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g)) {
          // The literal is a JavaScript string: JSON reads it once its quotes are double quotes.
          const literal = match[1]!;
          const value = literal.startsWith('"') ? JSON.parse(literal) : JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
          found.set(value, file);
        }
      }
    }
  };
  walk(root);
  return found;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

describe('localisation', () => {
  const templates = templatesInSources();
  const bundle = readJson('l10n/bundle.l10n.zh-tw.json');

  it('finds the templates (the scan itself works)', () => {
    assert.ok(templates.size > 60, `only ${templates.size} templates found`);
    assert.ok(templates.has('Placeholder link: "{0}" is {1}, at {2}.'));
    assert.ok(templates.has('Policy Annotator: open a Markdown article first.'));
  });

  it('every UI string and core message has a zh-TW translation with the same placeholders', () => {
    const missing = [...templates.keys()].filter((template) => !(template in bundle));
    assert.deepEqual(missing, [], `add these to l10n/bundle.l10n.zh-tw.json:\n${missing.map((template) => JSON.stringify(template)).join(',\n')}`);
    for (const [template, translation] of Object.entries(bundle)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
      assert.deepEqual(placeholders(translation), placeholders(template), `placeholders of ${template}`);
      assert.ok(/[\u3000-\u9fff\uff00-\uffef]/.test(translation), `not translated: ${template}`);
    }
  });

  it('the bundle holds no stale entries', () => {
    const stale = Object.keys(bundle).filter((template) => !templates.has(template));
    assert.deepEqual(stale, []);
  });

  it('package.json names only keys package.nls.json has, and zh-tw translates every one', () => {
    const manifest = readFileSync('package.json', 'utf8');
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-tw.json');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    assert.ok(used.length > 30);
    assert.deepEqual(used.filter((key) => !(key in english)), []);
    assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), [], 'unused keys in package.nls.json');
    assert.deepEqual(Object.keys(english).filter((key) => !(key in chinese)).sort(), []);
    assert.deepEqual(Object.keys(chinese).filter((key) => !(key in english)), []);
  });

  it('fills placeholders the way vscode.l10n.t does', () => {
    assert.equal(formatMessage(msg('{0} is already tagged ("{1}").', '人工智慧', 'AI')), '人工智慧 is already tagged ("AI").');
    assert.equal(formatMessage(msg('{1} before {0}; {2} stays', 'a', 'b')), 'b before a; {2} stays');
  });
});
