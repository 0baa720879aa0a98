import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../src/core/article/checks';
import { KNOWN_FIELDS, RECORD_TYPES } from '../../src/core/corpus/validate';

interface Setting {
  readonly scope?: string;
  readonly markdownDescription?: string;
  readonly default?: unknown;
  readonly properties?: Record<string, unknown>;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Setting> }; commands: Array<{ command: string }>; menus: { commandPalette: Array<{ command: string; when: string }> } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] }; virtualWorkspaces: boolean };
};

describe('package.json', () => {
  const settings = manifest.contributes.configuration.properties;

  it('every setting has a scope, a default and a markdownDescription', () => {
    for (const [name, setting] of Object.entries(settings)) {
      assert.ok(setting.scope, `${name}: scope`);
      assert.ok(setting.markdownDescription, `${name}: markdownDescription`);
      assert.ok('default' in setting, `${name}: default`);
    }
  });

  it('the severity setting lists every diagnostic code', () => {
    assert.deepEqual(Object.keys(settings['policyAnnotator.diagnostics.severity']!.properties ?? {}).sort(), Object.keys(DIAGNOSTIC_CODES).sort());
  });

  it('every command is in the palette only for Markdown, or hidden', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const { command } of manifest.contributes.commands) {
      const when = palette.get(command);
      assert.ok(when === 'editorLangId == markdown' || when === 'false', `${command}: ${when}`);
    }
  });

  it('restricted mode: limited support, and settings that could point outside the workspace are restricted', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const name of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) {
      assert.ok(name in settings || name === 'policyAnnotator.laws.path', `${name} is not a setting`);
    }
    for (const name of ['policyAnnotator.corpus.include', 'policyAnnotator.tags.taxonomyFile']) assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(name));
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });
});

describe('schemas', () => {
  it('the corpus schema knows every record field and type the validator knows', () => {
    const schema = JSON.parse(readFileSync('schemas/corpus.schema.json', 'utf8')) as { definitions: { record: { properties: Record<string, { enum?: string[] }> } } };
    const properties = schema.definitions.record.properties;
    assert.deepEqual(Object.keys(properties).sort(), [...KNOWN_FIELDS].sort());
    assert.deepEqual(properties['type']!.enum, [...RECORD_TYPES]);
  });

  it('every schema package.json points at exists and is JSON', () => {
    const raw = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { jsonValidation: Array<{ url: string }>; yamlValidation: Array<{ url: string }> } };
    for (const { url } of [...raw.contributes.jsonValidation, ...raw.contributes.yamlValidation]) assert.doesNotThrow(() => JSON.parse(readFileSync(url, 'utf8')), url);
  });
});
