import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { renderHoverCard } from '../../src/core/hoverCard';
import { commandsThatWouldRun, foreignActivity } from './hostile';
import type { Suite } from './suite';

const UNSAFE_URLS = [
  'command:workbench.action.terminal.new',
  'command:policyAnnotator.openSource?%5B%22x%22%5D',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
  'vscode:extension/evil.extension',
  'vscode-insiders://evil',
  'file:///etc/passwd',
  'file:///ws/../../etc/passwd',
  '//evil.example/protocol-relative',
  'ftp://evil.example/x',
  '\\\\server\\share\\x',
  'https:/\\evil.example',
];
const SAFE_URLS = ['https://www.gov.uk/x', 'http://example.org/a?b=(c)', 'https://例子.測試/路徑'];

/** Sentinels a successful code injection would set. */
const SENTINEL = '__policyAnnotatorPwned';

const CODE_FILES: Array<[string, string]> = [
  ['js.md', `---js\n{ id: (globalThis.${SENTINEL} = 1, 'x'), title: 'x' }\n---\n`],
  ['javascript.md', `---javascript\nmodule.exports = (globalThis.${SENTINEL} = 1)\n---\n`],
  ['spaced.md', `--- js\n(globalThis.${SENTINEL} = 1)\n---\n`],
  ['coffee.md', `---coffee\nglobalThis.${SENTINEL} = 1\n---\n`],
];
/** Files that must still load (their records are fine) without running anything. */
const INERT_FILES: Array<[string, string]> = [
  ['yaml-function-tag.md', `---\nid: tag-function\ntitle: !!js/function "function () { globalThis.${SENTINEL} = 1 }"\ntype: report\n---\n`],
  ['yaml-long-tag.md', `---\nid: tag-long\ntitle: !<tag:yaml.org,2002:js/function> "function () { globalThis.${SENTINEL} = 1 }"\ntype: report\n---\n`],
  ['yaml-proto.md', `---\nid: proto-yaml\ntitle: Proto\ntype: report\n__proto__: { polluted: 1 }\nconstructor: { prototype: { polluted: 1 } }\n---\n`],
  ['json-proto.json', `[{"id": "proto-json", "title": "Proto", "type": "report", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}]`],
];

export function runSecurity(suite: Suite, repoRoot: string): void {
  const encoder = new TextEncoder();
  // URLs: refused with a diagnostic on the url line; the card links nothing but our show-record command.
  let refused = 0;
  for (const url of UNSAFE_URLS) {
    const file = parseCorpusFile('file:///ws/corpus/url.md', encoder.encode(`---\nid: url-record\ntype: report\ntitle: URL record\nurl: ${JSON.stringify(url)}\n---\n`));
    const record = file.records[0];
    const diagnostic = file.problems.find((problem) => problem.code === 'corpus-unsafe-url');
    const card = record ? renderHoverCard(record, 'en', { commands: true }) : '';
    const ok = record !== undefined && record.url === undefined && diagnostic?.line === 4 && foreignActivity(card, record).length === 0 && commandsThatWouldRun(card, record) === 0;
    if (ok) refused++;
    suite.check(`url ${JSON.stringify(url)} is refused with a diagnostic on line 5 and never linked`, ok, JSON.stringify({ url: record?.url, problems: file.problems }));
  }
  for (const url of SAFE_URLS) {
    const file = parseCorpusFile('file:///ws/corpus/url.json', encoder.encode(JSON.stringify({ id: 'ok', type: 'report', title: 'OK', url })));
    suite.check(`http(s) url ${url} is kept`, file.records[0]?.url === url && file.problems.length === 0, JSON.stringify(file.problems));
  }
  suite.figure('unsafe url values refused with a diagnostic', `${refused} / ${UNSAFE_URLS.length}`);

  // Front matter in another language: refused with one diagnostic, never evaluated.
  let evaluated = 0;
  for (const [name, text] of CODE_FILES) {
    const file = parseCorpusFile(`file:///ws/corpus/${name}`, encoder.encode(text));
    suite.check(`${name}: one error, no record`, file.records.length === 0 && file.problems.length === 1 && file.problems[0]!.code === 'corpus-front-matter-language' && file.problems[0]!.line === 0, JSON.stringify(file.problems));
  }
  for (const [name, text] of INERT_FILES) {
    const file = parseCorpusFile(`file:///ws/corpus/${name}`, encoder.encode(text));
    const record = file.records[0];
    suite.check(`${name}: loads as plain data`, record !== undefined && typeof record.title === 'string', JSON.stringify(file.problems));
  }
  const global = globalThis as Record<string, unknown>;
  if (global[SENTINEL] !== undefined) evaluated++;
  if (({} as Record<string, unknown>).polluted !== undefined) evaluated++;
  suite.check('no corpus file ran code or polluted Object.prototype', evaluated === 0);
  suite.figure('code evaluated from corpus files (sentinels set)', evaluated);

  // The edge's hover settings: every card goes through cardHover (src/vscode/hovers.ts): no HTML, no icons,
  // trusted for the command ids it is given only; the source card gives our two (source check of the wiring).
  const hover = readFileSync(path.join(repoRoot, 'src/features/hover.ts'), 'utf8');
  const cards = readFileSync(path.join(repoRoot, 'src/vscode/hovers.ts'), 'utf8');
  suite.check('hover.ts trusts only our two commands, without HTML or icons',
    /cardHover\([^;]*\[CARD_COMMANDS\.openSource, CARD_COMMANDS\.showRecord\]\)/.test(hover) && !/MarkdownString|isTrusted/.test(hover) &&
      cards.includes('isTrusted = enabledCommands.length > 0 ? { enabledCommands: [...enabledCommands] } : false') && cards.includes('supportHtml = false') && cards.includes('supportThemeIcons = false') && !/isTrusted = true/.test(cards));
  const tagHover = readFileSync(path.join(repoRoot, 'src/features/tagHover.ts'), 'utf8');
  suite.check('tagHover.ts uses literalMarkdown (escaped text, untrusted)', tagHover.includes('literalMarkdown()') && !/isTrusted = true|supportHtml = true|supportThemeIcons = true/.test(tagHover));

  // Notifications render [text](command:…) links: none may quote corpus or article text.
  const quoting: string[] = [];
  for (const file of listSources(path.join(repoRoot, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/show(?:Error|Warning|Information)Message\((`[^`]*`|'[^']*'|"[^"]*"|[^,)]*)/g)) {
      const argument = match[1]!;
      const interpolations = [...argument.matchAll(/\$\{([^}]*)\}/g)].map((interpolation) => interpolation[1]!);
      if (!argument.startsWith("'") && !argument.startsWith('"') && interpolations.some((expression) => !/^vscode\.workspace\.asRelativePath\(uri\)$|^l10n|^count|^\w+\.length$/.test(expression.trim()))) quoting.push(`${path.relative(repoRoot, file)}: ${argument.slice(0, 80)}`);
      if (!argument.startsWith('`') && !argument.startsWith("'") && !argument.startsWith('"') && !argument.startsWith('vscode.l10n.t(') && !constantMessageCall(source, argument) && !checkedMessageField(repoRoot, source, argument)) quoting.push(`${path.relative(repoRoot, file)}: ${argument.slice(0, 80)}`);
      // A translated message's arguments: the rest of the call's line may not name corpus or article text.
      const line = source.slice(match.index, source.indexOf('\n', match.index)).replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
      if (argument.startsWith('vscode.l10n.t(') && /\.(?:title|text|summary|publisher|author|aliases)\b|\bargs\.|\btag\b/.test(line)) quoting.push(`${path.relative(repoRoot, file)}: ${line.trim().slice(0, 80)}`);
    }
  }
  suite.check('no notification quotes corpus or article text', quoting.length === 0, quoting.join('; '));
  suite.figure('notifications quoting corpus or article text', quoting.length);
}

function listSources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? listSources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/**
 * An argument of a fixed message that cannot carry article or corpus text: a number, a constant, the field
 * name, a format name, or a line number (`….line`, `….line + 1`, `lineNumber(…)`), a count (`….length`).
 */
const SAFE_ARGUMENT = /^(?:\d+|[A-Z][A-Z_]*|field|line|'[A-Z]+'|json \? 'JSON' : 'YAML'|.*\.line(?: [+-] 1)?|lineNumber\(.*\)|\w+\.length)$/;

/** The top-level arguments of `, a, f(b, c)` (commas inside brackets do not split). */
function topLevelArguments(rest: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of rest) {
    if (character === ',' && depth === 0) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
      continue;
    }
    if ('([{'.includes(character)) depth++;
    if (')]}'.includes(character)) depth--;
    current += character;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/**
 * `plan.message` where `plan` comes from `await producer(` or `producer(`, a function exported by a file of
 * `src/` whose every `message:` is a fixed translated text (`vscode.l10n.t('…', …)` or the core's `msg('…', …)`
 * with arguments that are not article or corpus text), the translation of a core result's message (then the
 * core files it imports are held to the same rule), or a refusal computed in the same file by such a rule.
 */
function checkedMessageField(repoRoot: string, source: string, argument: string): boolean {
  const variable = /^(\w+)\.message$/.exec(argument.trim())?.[1];
  if (!variable) return false;
  const producer = new RegExp(`\\b(?:const|let) ${variable} = (?:await )?(\\w+)\\(`).exec(source)?.[1];
  if (!producer) return false;
  const file = listSources(path.join(repoRoot, 'src')).find((candidate) => new RegExp(`export (?:async )?function ${producer}\\(`).test(readFileSync(candidate, 'utf8')));
  return file !== undefined && messagesAreFixed(file, new Set());
}

function messagesAreFixed(file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return true;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const fixedCall = (value: string): boolean => {
    const call = /^(?:vscode\.l10n\.t|msg)\('(?:[^'\\]|\\.)*'(.*)\)$/.exec(value);
    return call !== null && topLevelArguments(call[1]!).every((argument) => SAFE_ARGUMENT.test(argument));
  };
  // Object literals only (`{ kind: 'error', message: … }`), not the type declarations of the same shape.
  // Each on one line, up to the literal's closing brace; a message this pattern cannot read fails the check.
  const values = [...source.matchAll(/\bkind: 'error'(?: as const)?, message: (.*) }\)?;?$/gm)].map((match) => match[1]!.trim());
  if (values.length === 0 || values.length !== source.match(/\bkind: 'error'(?: as const)?, message: /g)?.length) return false;
  const translatesCore = values.some((value) => /^localized\(\w+\.message, ''\)$/.test(value));
  for (const value of values) {
    if (fixedCall(value) || /^localized\(\w+\.message, ''\)$/.test(value)) continue;
    // `message: refusal` after `const refusal = someRefusal(…)`: every return of that function is a fixed call.
    const producer = new RegExp(`\\bconst ${value} = (\\w+)\\(`).exec(source)?.[1];
    const start = producer ? source.indexOf(`function ${producer}(`) : -1;
    if (start === -1) return false;
    const returns = [...source.slice(start, source.indexOf('\n}\n', start)).matchAll(/^\s*(?:if \(.*\) )?return (.*);\s*$/gm)].map((match) => match[1]!);
    if (returns.length === 0 || !returns.every((returned) => returned === 'undefined' || fixedCall(returned))) return false;
  }
  if (!translatesCore) return true;
  const imports = [...source.matchAll(/^import [^;]* from '(\.[^']*)';$/gm)].map((match) => path.resolve(path.dirname(file), `${match[1]!}.ts`));
  return imports.filter((imported) => imported.includes(`${path.sep}core${path.sep}`) && /\bkind: 'error'(?: as const)?, message: /.test(readFileSync(imported, 'utf8'))).every((imported) => messagesAreFixed(imported, seen));
}

/**
 * A call like `refusalMessage(refusal` to a function of the same file that only returns fixed translated
 * messages (`return vscode.l10n.t('…');`, no arguments): it cannot quote anything, whatever it is given.
 */
function constantMessageCall(source: string, argument: string): boolean {
  const name = /^(\w+)\(/.exec(argument)?.[1];
  if (!name) return false;
  const start = source.indexOf(`function ${name}(`);
  if (start === -1) return false;
  const body = source.slice(start, source.indexOf('\n}\n', start));
  const returns = [...body.matchAll(/^\s*return (.*);\s*$/gm)].map((match) => match[1]!);
  return returns.length > 0 && returns.every((value) => /^vscode\.l10n\.t\('(?:[^'\\]|\\.)*'\)$/.test(value));
}
