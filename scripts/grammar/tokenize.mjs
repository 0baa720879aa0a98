// Prints the scopes of each token of a Markdown file (or of the text given with -e), with our injection:
//   node scripts/grammar/tokenize.mjs article.md
//   node scripts/grammar/tokenize.mjs -e '依《個人資料保護法》第6條'
// Handy when writing test/grammar/*.md assertions. Scopes of the base grammar alone: --no-injection.
import { readFileSync } from 'node:fs';
import { loadMarkdownGrammar, tokenize } from './registry.mjs';

const args = process.argv.slice(2);
const inline = args.indexOf('-e');
const text = inline >= 0 ? args[inline + 1] : args.find((arg) => !arg.startsWith('-'));
if (text === undefined) {
  console.error('usage: node scripts/grammar/tokenize.mjs <file.md> | -e <markdown text> [--no-injection]');
  process.exit(2);
}
const grammar = await loadMarkdownGrammar({ withInjection: !args.includes('--no-injection') });
for (const { line, tokens } of tokenize(grammar, inline >= 0 ? text : readFileSync(text, 'utf8'))) {
  console.log(line);
  for (const token of tokens) console.log(`  ${JSON.stringify(token.text)}  ${token.scopes.slice(1).join(' ')}`);
}
