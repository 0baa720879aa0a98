import { rmSync } from 'node:fs';
import { describeRun, runCli, workspace, type CliRun } from './cliRunner';
import type { Suite } from './suite';

/**
 * Terminal injection: data holding escape sequences, C1 controls, bidi controls and line separators, put
 * into a corpus title, an article's tags and mentions and article file names, then printed by every CLI
 * output (check text/json/sarif, annotate text/json, search table/json, stderr). Nothing unsafe may come out
 * raw, no output line may be forged, and the JSON outputs must still carry the data (escaped, lossless).
 */
export const CONTROL_PAYLOADS: ReadonlyArray<readonly [string, string]> = [
  ['CSI clear screen', '\u001b[2J\u001b[H'],
  ['OSC 8 hyperlink to file:///etc/passwd', '\u001b]8;;file:///etc/passwd\u0007click\u001b]8;;\u0007'],
  ['OSC 52 clipboard write', '\u001b]52;c;ZWNobyBwd25lZA==\u0007'],
  ['CR LF forging a line', 'x\r\nfake.md:1:1 error forged-code forged\r\n'],
  ['C1 CSI (0x9B)', '\u009b2J'],
  ['C1 OSC (0x9D) and ST (0x9C)', '\u009d0;title\u009c'],
  ['DEL and backspaces', '\u007f\b\b\b'],
  ['bidi override (Trojan Source)', '\u202eevil\u202c'],
  ['bidi isolates', '\u2066x\u2069\u2067y\u2069'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
];

/** Characters that must never leave the CLI raw (LF is the output's own line break, checked apart). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function runOutputEscaping(suite: Suite, repoRoot: string): void {
  // One workspace holds every payload (one record, one article and one tag each), so 8 CLI runs cover them all.
  const files: Record<string, string> = {};
  const records: object[] = [];
  for (const [index, [, payload]] of CONTROL_PAYLOADS.entries()) {
    const inline = payload.replace(/[\r\n\u2028\u2029]/g, ' ');
    records.push({ id: `evil-${index}`, type: 'report', title: `惡意標題${index}${payload}`, aliases: [`惡意文件${index}號`], summary: `摘要${payload}` });
    files[`docs/a${index}${payload.replace(/\//g, '_')}.md`] = `# 文章\n\n提到惡意文件${index}號${inline}。\n\n[壞連結${inline}](#)\n\n## 文章標籤\n\n標籤${inline}\n`;
  }
  files['corpus/evil.json'] = JSON.stringify(records);
  const root = workspace('escape', files);
  let unsafeOutputs = 0;
  let forged = 0;
  try {
    const query = `nothing${CONTROL_PAYLOADS.map(([, payload]) => payload).join('')}`;
    const runs: Array<[string, CliRun, 'text' | 'json']> = [
      ['check text', runCli(repoRoot, root, ['check', '--no-embedded', '--no-color', '--corpus', 'corpus', 'docs/*.md']), 'text'],
      ['check json', runCli(repoRoot, root, ['check', '--no-embedded', '--format', 'json', '--corpus', 'corpus', 'docs/*.md']), 'json'],
      ['check sarif', runCli(repoRoot, root, ['check', '--no-embedded', '--format', 'sarif', '--corpus', 'corpus', 'docs/*.md']), 'json'],
      ['annotate text', runCli(repoRoot, root, ['annotate', '--no-embedded', '--corpus', 'corpus', 'docs/*.md']), 'text'],
      ['annotate json', runCli(repoRoot, root, ['annotate', '--no-embedded', '--json', '--cards', '--corpus', 'corpus', 'docs/*.md']), 'json'],
      ['search table', runCli(repoRoot, root, ['search', '--no-embedded', '--corpus', 'corpus', '惡意標題']), 'text'],
      ['search json', runCli(repoRoot, root, ['search', '--no-embedded', '--json', '--corpus', 'corpus', '惡意標題']), 'json'],
      ['search miss (stderr)', runCli(repoRoot, root, ['search', '--no-embedded', '--corpus', 'corpus', query]), 'text'],
    ];
    for (const [output, run, kind] of runs) {
      const all = run.stdout + run.stderr;
      const raw = [...new Set([...all].filter((char) => RAW_UNSAFE.test(char)))];
      if (raw.length > 0) unsafeOutputs++;
      suite.check(`${output} prints no raw control, bidi or separator character`, raw.length === 0, `${raw.map((char) => `U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join(' ')} in ${describeRun(run)}`);
      const forgedLine = (run.stdout + '\n' + run.stderr).split('\n').some((line) => line.startsWith('fake.md:'));
      if (forgedLine) forged++;
      suite.check(`${output} has no forged output line`, !forgedLine);
      suite.check(`${output} ends cleanly`, !run.timedOut && (run.status === 0 || run.status === 1), describeRun(run));
      if (kind === 'json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(run.stdout);
        } catch {
          parsed = undefined;
        }
        // Lossless: the JSON still carries each payload's unsafe characters (escaped in the text, raw once parsed).
        const strings = parsed === undefined ? [] : stringsOf(parsed);
        for (const [name, payload] of CONTROL_PAYLOADS) {
          const char = RAW_UNSAFE.exec(payload)![0];
          suite.check(`${name}: ${output} is valid JSON that still carries the data`, strings.some((text) => text.includes(char) || text.includes(encodeURIComponent(char))), describeRun(run));
        }
      }
    }
    suite.figure(`CLI outputs of hostile data (8 outputs, each holding all ${CONTROL_PAYLOADS.length} payloads)`, runs.length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  suite.figure('  outputs with a raw control, bidi or separator character', unsafeOutputs);
  suite.figure('  outputs with a forged line', forged);
}

/** Every string in a parsed JSON value: the data must still be there, escaped only in the JSON text. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}
