// Checks that no regex of the injection backtracks on long lines. VS Code tokenises lines of up to 20,000
// characters (editor.maxTokenizationLineLength); Oniguruma regexes that backtrack take seconds there.
//  - Each `match` regex of the grammar is searched once over each adversarial line: a linear regex
//    needs a few milliseconds for 10,000 characters, a backtracking one orders of magnitude more.
//  - Whole lines are tokenised with and without the injection, as an end-to-end guard. (vscode-textmate
//    searches again from each token, and a capture it retokenises resets Oniguruma's per-line cache, so
//    lines of thousands of links cost every inline grammar a multiple of Markdown's own time.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { grammarPath, repoRoot } from './build-grammar.mjs';
import { loadMarkdownGrammar, tokenize } from './registry.mjs';

const LINE_LENGTH = 20_000; // VS Code's editor.maxTokenizationLineLength
const REGEX_LIMIT_MS = 500; // a linear search takes 1–40 ms here (more on a loaded machine), a quadratic one ~1 s
/** Tokenising is quadratic in Markdown's own grammar already (2 s for 10,000 brackets), so shorter lines. */
const TOKENIZE_LENGTH = 5_000;
const LINE_LIMIT_MS = 5_000;
const LINE_LIMIT_FACTOR = 20;

const repeat = (unit) => unit.repeat(Math.ceil(LINE_LENGTH / unit.length)).slice(0, LINE_LENGTH);
const seedParagraph = readFileSync(path.join(repoRoot, 'test/grammar/seed-article.md'), 'utf8')
  .split('\n')
  .reduce((longest, line) => (line.length > longest.length ? line : longest), '');

export const adversarialLines = {
  'seed prose': repeat(seedParagraph),
  '[[[ unclosed': repeat('['),
  '[@ unclosed': repeat('[@a '),
  '[x](# unclosed': repeat('[x](#'),
  'nested [[x]': repeat('[[x]'),
  'Han before （Latin': repeat('人工智慧（AI Safety '),
  'Han run no paren': repeat('人工智慧安全研究所'),
  '（last visit unclosed': repeat('（最後瀏覽日：113年'),
  '(last visit unclosed': repeat('(last visit June 30, '),
  '第 without 條': repeat('第1'),
  '第1條 chained': repeat('第1條至'),
  '《 unclosed': repeat('《個人資料保護法'),
  'digits and separators': repeat('2024-04-'),
  '民國 without 年': repeat('民國1'),
  'month names': repeat('June 30, '),
  'section names': repeat('資料來源 Sources '),
  'escapes': repeat('\\'),
};

const requireFromRunner = createRequire(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'));
const oniguruma = requireFromRunner('vscode-oniguruma'); // loaded (WASM) by loadMarkdownGrammar

function matchRegexes() {
  const found = [];
  const visit = (node, where) => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${where}[${index}]`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'match' && typeof value === 'string') found.push({ where, regex: value });
        else visit(value, where ? `${where}.${key}` : key);
      }
    }
  };
  visit(JSON.parse(readFileSync(grammarPath, 'utf8')).repository, '');
  return found;
}

/** The median time of one search from the line's start, each on a new string (no cached result). */
function searchTime(scanner, line) {
  const times = [0, 1, 2].map(() => {
    const text = new oniguruma.OnigString(line);
    const start = performance.now();
    scanner.findNextMatchSync(text, 0);
    const elapsed = performance.now() - start;
    text.dispose();
    return elapsed;
  });
  return times.sort((a, b) => a - b)[1];
}

function tokenizeTime(grammar, line) {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    tokenize(grammar, line);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function checkPerformance(baseGrammar) {
  const withInjection = await loadMarkdownGrammar({ baseGrammar });
  const baseOnly = await loadMarkdownGrammar({ baseGrammar, withInjection: false });
  const failures = [];
  const report = [];

  let slowestSearch = { ms: 0 };
  const regexes = matchRegexes();
  for (const { where, regex } of regexes) {
    const scanner = new oniguruma.OnigScanner([regex]);
    for (const [name, line] of Object.entries(adversarialLines)) {
      const ms = searchTime(scanner, line);
      if (ms > slowestSearch.ms) slowestSearch = { ms, where, name };
      if (ms > REGEX_LIMIT_MS) failures.push(`regex ${where} takes ${ms.toFixed(0)} ms to search "${name}" (limit ${REGEX_LIMIT_MS} ms)`);
    }
    scanner.dispose();
  }
  report.push(
    `performance: ${regexes.length} regexes × ${Object.keys(adversarialLines).length} lines of ${LINE_LENGTH.toLocaleString('en')} characters, ` +
      `slowest search ${slowestSearch.ms.toFixed(1)} ms (${slowestSearch.where} on "${slowestSearch.name}"; limit ${REGEX_LIMIT_MS} ms)`,
  );

  for (const grammar of [withInjection, baseOnly]) tokenize(grammar, adversarialLines['seed prose'].slice(0, 2_000)); // warm-up
  report.push(
    `tokenising the first ${TOKENIZE_LENGTH.toLocaleString('en')} characters of each, with the injection (Markdown alone); ` +
      `fails over ${LINE_LIMIT_MS} ms and ${LINE_LIMIT_FACTOR}× Markdown alone:`,
  );
  for (const [name, line] of Object.entries(adversarialLines)) {
    const injected = tokenizeTime(withInjection, line.slice(0, TOKENIZE_LENGTH));
    const base = tokenizeTime(baseOnly, line.slice(0, TOKENIZE_LENGTH));
    report.push(`  ${name.padEnd(24)} ${injected.toFixed(0).padStart(5)} ms (${base.toFixed(0)} ms)`);
    if (injected > LINE_LIMIT_MS && injected > LINE_LIMIT_FACTOR * base) {
      failures.push(`tokenising "${name}" took ${injected.toFixed(0)} ms (Markdown alone ${base.toFixed(0)} ms)`);
    }
  }
  return { lines: report, failures };
}
