import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseProjectConfig, restrictedProjectConfig } from '../../src/core/config';
import { climbsOutOfFolder } from '../../src/core/util/glob';
import { foreignActivity } from './hostile';
import { PAYLOADS } from './hostile';
import type { Suite } from './suite';
import type { CorpusRecord } from '../../src/core/corpus/record';

/** Settings that choose which files are read: none may come from an untrusted workspace. */
const FILE_CHOOSING = ['policyAnnotator.corpus.include', 'policyAnnotator.corpus.exclude', 'policyAnnotator.tags.taxonomyFile'];
const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'child_process', 'worker_threads'];
/**
 * What a bundle may still use, and why: the CLI starts worker threads for `check --jobs`, each on our own
 * bundled script (dist/cliWorker.js), never on data; and `laws download` is the one network request (issue 14),
 * on the user's command, through the standard fetch passed to fetchHttpGet (src/core/law/lawDownload.ts).
 */
const ALLOWED: Record<string, { modules: string[]; fetchReferences: number }> = {
  'dist/cli.js': { modules: ['worker_threads'], fetchReferences: 1 },
};

/** Preloaded into the CLI: records every attempt to open a socket, resolve a name, fetch or spawn. */
const RECORDER = `
const fs = require('node:fs');
const log = (what) => fs.appendFileSync(process.env.POLICY_ANNOTATOR_NETWORK_LOG, what + '\\n');
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { log('net.connect ' + JSON.stringify(args[0])); return connect.apply(this, args); };
for (const name of ['http', 'https']) {
  const mod = require('node:' + name);
  for (const method of ['request', 'get']) { const original = mod[method]; mod[method] = function (...args) { log(name + '.' + method); return original.apply(this, args); }; }
}
const dns = require('node:dns');
const lookup = dns.lookup; dns.lookup = function (...args) { log('dns.lookup ' + args[0]); return lookup.apply(this, args); };
const fetch = globalThis.fetch; globalThis.fetch = function (...args) { log('fetch ' + String(args[0])); return fetch.apply(this, args); };
const cp = require('node:child_process');
for (const method of ['spawn', 'exec', 'execFile', 'fork']) { const original = cp[method]; cp[method] = function (...args) { log('child_process.' + method); return original.apply(this, args); }; }
`;

export function runTrust(suite: Suite, repoRoot: string): void {
  // 1. The manifest: limited support in untrusted workspaces, every file-choosing setting restricted.
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  const restricted = untrusted?.restrictedConfigurations ?? [];
  suite.check('package.json: untrustedWorkspaces.supported is "limited"', untrusted?.supported === 'limited');
  for (const key of FILE_CHOOSING) {
    suite.check(`package.json: ${key} is a restricted configuration`, restricted.includes(key));
    suite.check(`package.json: ${key} is a contributed setting`, Object.hasOwn(manifest.contributes.configuration.properties, key));
  }
  suite.figure('restricted settings (ignored in Restricted Mode by VS Code)', restricted.length);

  // 2. The repository's own .policy-annotator.json cannot choose files in Restricted Mode either.
  const { config } = parseProjectConfig('file:///ws/.policy-annotator.json', JSON.stringify({ corpus: { include: ['../../**/*.md'], exclude: [], embedded: true, maxFileSize: 2 }, taxonomy: '../../etc/tags.yaml', threshold: 0.5 }));
  const limited = restrictedProjectConfig(config);
  suite.check('Restricted Mode: .policy-annotator.json loses corpus.include, corpus.exclude and taxonomy, keeps the rest',
    limited.corpus?.include === undefined && limited.corpus?.exclude === undefined && limited.taxonomy === undefined && limited.corpus?.embedded === true && limited.corpus?.maxFileSize === 2 && limited.threshold === 0.5, JSON.stringify(limited));
  for (const glob of ['../x/**/*.md', 'corpus/../../x.md', '/etc/**', '~/notes/*.md', 'C:/x/*.md', '{corpus,..}/**/*.md', '..\\x\\*.md']) suite.check(`glob ${glob} climbs out`, climbsOutOfFolder(glob));
  for (const glob of ['**/corpus/**/*.{md,json,jsonl}', 'docs/..hidden/*.md', 'a..b/*.md']) suite.check(`glob ${glob} stays inside`, !climbsOutOfFolder(glob));

  // 3. The built bundles hold no networking: no http(s)/net/tls/dns module, no fetch, XMLHttpRequest or WebSocket.
  let networkUses = 0;
  for (const bundle of ['dist/extension.js', 'dist/cli.js', 'dist/libraryReaders.js']) {
    const file = path.join(repoRoot, bundle);
    if (!suite.check(`${bundle} is built`, existsSync(file))) continue;
    const code = readFileSync(file, 'utf8');
    const allowed = ALLOWED[bundle] ?? { modules: [], fetchReferences: 0 };
    const modules = [...code.matchAll(/require\(["'](?:node:)?([a-z_0-9/]+)["']\)/g)].map((match) => match[1]!).filter((name) => NETWORK_MODULES.includes(name.split('/')[0]!) && !allowed.modules.includes(name));
    // The standard fetch named anywhere in code (passed along, not only called), outside strings.
    const fetchReferences = [...code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''").matchAll(/(?<![.\w$])fetch(?![\w$])(?!\s*\([^()]*\)\s*\{)/g)].length;
    suite.check(`${bundle}: the standard fetch is named only where allowed (${allowed.fetchReferences})`, fetchReferences <= allowed.fetchReferences, String(fetchReferences));
    // Calls only: not a member call (`this.fetch(c)`) or a method of that name (`fetch(c) {`, the BibTeX tokenizer's cache).
    const apis = [...code.matchAll(/(?<![.\w$])(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\((?![^()]*\)\s*\{)/g)].map((match) => match[1]!);
    networkUses += modules.length + apis.length;
    suite.check(`${bundle}: no networking module or API`, modules.length + apis.length === 0, JSON.stringify([...modules, ...apis]));
  }
  suite.figure('networking modules/APIs in dist/extension.js, dist/cli.js and dist/libraryReaders.js', networkUses);

  // 4. The CLI on a hostile workspace, with every socket, DNS lookup, fetch and child process recorded.
  const root = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-trust-'));
  try {
    const outside = path.join(root, 'outside');
    const workspace = path.join(root, 'ws');
    mkdirSync(outside, { recursive: true });
    mkdirSync(path.join(workspace, 'corpus'), { recursive: true });
    writeFileSync(path.join(outside, 'secret.md'), '---\nid: secret-outside\ntitle: Secret outside\ntype: report\n---\n');
    writeFileSync(path.join(workspace, '.policy-annotator.json'), JSON.stringify({ corpus: { include: ['corpus/**/*.{md,json,jsonl}', '../outside/**/*.md'] } }, null, 2));
    symlinkSync(path.join(outside, 'secret.md'), path.join(workspace, 'corpus', 'link-to-secret.md'));
    symlinkSync(outside, path.join(workspace, 'corpus', 'linked-folder'));
    symlinkSync('..', path.join(workspace, 'corpus', 'loop'));
    const records = PAYLOADS.map((payload, index) => ({ id: `hostile-${index}`, type: 'report', title: payload.text, aliases: [`敵意紀錄${index}`], publisher: payload.text, summary: payload.text, url: index % 2 ? 'https://example.org/ok' : 'javascript:alert(1)' }));
    writeFileSync(path.join(workspace, 'corpus', 'hostile.json'), JSON.stringify(records, null, 2));
    writeFileSync(path.join(workspace, 'article.md'), `# 測試\n\n${records.map((record) => `${record.aliases[0]}、`).join('')}與 https://www.gov.uk/x。\n`);
    const recorder = path.join(root, 'recorder.cjs');
    const networkLog = path.join(root, 'network.log');
    writeFileSync(recorder, RECORDER);
    writeFileSync(networkLog, '');
    // The recorder itself: a script that does connect and look up must be caught, or a zero below means nothing.
    execFileSync(process.execPath, ['--require', recorder, '-e', "require('node:dns').lookup('localhost', () => {}); require('node:net').connect(9, '127.0.0.1').on('error', () => {}); fetch('http://127.0.0.1:9/').catch(() => {})"], {
      env: { ...process.env, POLICY_ANNOTATOR_NETWORK_LOG: networkLog },
      stdio: 'ignore',
    });
    const caught = readFileSync(networkLog, 'utf8').split('\n').filter(Boolean);
    suite.check('the network recorder catches a lookup, a connect and a fetch', caught.some((line) => line.startsWith('dns.lookup')) && caught.some((line) => line.startsWith('net.connect')) && caught.some((line) => line.startsWith('fetch')), caught.join('; '));
    writeFileSync(networkLog, '');
    let output = '';
    try {
      output = execFileSync(process.execPath, ['--require', recorder, path.join(repoRoot, 'dist', 'cli.js'), 'annotate', '--json', '--cards', 'article.md'], {
        cwd: workspace,
        env: { ...process.env, POLICY_ANNOTATOR_NETWORK_LOG: networkLog },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const attempts = readFileSync(networkLog, 'utf8').split('\n').filter(Boolean);
    suite.check('the CLI opened no socket, looked up no name, fetched nothing, spawned nothing', attempts.length === 0, attempts.join('; '));
    suite.figure('network or process calls by the CLI on a hostile workspace', attempts.length);
    const files = JSON.parse(output || '[]') as Array<{ references: Array<{ id: string | null; card?: string }> }>;
    const references = files.flatMap((file) => file.references).filter((reference) => reference.card && reference.id?.startsWith('hostile-'));
    suite.check('the CLI resolved every hostile record mention', references.length === records.length, `${references.length} of ${records.length}`);
    let foreign = 0;
    for (const reference of references) {
      const record = { id: reference.id } as CorpusRecord;
      foreign += foreignActivity(reference.card!, record, new URL('https://example.org/ok').href).length;
    }
    suite.check('CLI cards (--cards) of hostile records activate nothing', foreign === 0);
    suite.figure('active links/images/HTML/icons in CLI cards of hostile records', foreign);
    const check = (() => {
      try {
        return execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', 'article.md'], { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        return String((error as { stdout?: unknown }).stdout ?? '');
      }
    })();
    suite.check('nothing outside the workspace was indexed', !output.includes('secret-outside') && !check.includes('secret-outside'));
    const diagnosticsText = check;
    for (const [what, needle] of [['the climbing glob', 'config-glob-outside'], ['the link to a file outside', 'link-to-secret.md'], ['the linked folder', 'linked-folder'], ['the symlink loop', 'loop']] as const) {
      suite.check(`the CLI reports ${what}`, diagnosticsText.includes(needle), diagnosticsText.slice(0, 2000));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
