// A vscode-textmate registry holding the Markdown base grammar and our injection, the way VS Code wires an
// `injectTo` grammar. Used by the performance check and by tokenize.mjs; the assertions themselves run
// through vscode-tmgrammar-test's own CLI. vscode-textmate and vscode-oniguruma are resolved from
// vscode-tmgrammar-test, so they are the very versions its CLI runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { grammarPath, repoRoot, SCOPE_NAME } from './build-grammar.mjs';

export const committedBaseGrammar = path.join(repoRoot, 'test/grammar/markdown.tmLanguage.json');
/** Markdown includes text.html.derivative for HTML; the tests use a small stand-in with its comments and tags. */
export const htmlStandIn = path.join(repoRoot, 'test/grammar/html-derivative-stand-in.tmLanguage.json');
export const harnessBaseGrammar = path.join(
  repoRoot,
  '.vscode-test-offline/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json',
);

const requireFromRunner = createRequire(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'));
const textmate = requireFromRunner('vscode-textmate');
const oniguruma = requireFromRunner('vscode-oniguruma');

let onigLib;
function loadOniguruma() {
  onigLib ??= (async () => {
    const wasm = readFileSync(path.join(path.dirname(requireFromRunner.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/**
 * The scopes of the other grammars the base grammar includes (source.js, source.yaml … for fenced code and
 * front matter). vscode-textmate drops a rule whose included grammar is missing, so the tests give each an
 * empty stand-in: the blocks then keep their Markdown structure, as in VS Code, and only their content
 * goes untokenised.
 */
export function includedScopes(baseGrammar) {
  const scopes = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'include' && typeof value === 'string' && !value.startsWith('#') && !value.startsWith('$')) scopes.add(value.split('#')[0]);
        else visit(value);
      }
    }
  };
  visit(JSON.parse(readFileSync(baseGrammar, 'utf8')));
  for (const own of ['text.html.markdown', 'text.html.derivative', SCOPE_NAME]) scopes.delete(own);
  return [...scopes].sort();
}

export const emptyGrammar = (scopeName) => ({ scopeName, patterns: [] });

/** The Markdown grammar, with our injection or (withInjection false) without it, for comparison. */
export async function loadMarkdownGrammar({ baseGrammar = committedBaseGrammar, withInjection = true } = {}) {
  const files = { 'text.html.markdown': baseGrammar, 'text.html.derivative': htmlStandIn, [SCOPE_NAME]: grammarPath };
  const registry = new textmate.Registry({
    onigLib: loadOniguruma(),
    // Languages embedded in fenced code blocks and front matter: empty stand-ins (see includedScopes).
    loadGrammar: async (scopeName) =>
      files[scopeName] ? textmate.parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName]) : emptyGrammar(scopeName),
    getInjections: (scopeName) => (withInjection && scopeName === 'text.html.markdown' ? [SCOPE_NAME] : []),
  });
  return registry.loadGrammar('text.html.markdown');
}

/** Tokenises a document line by line: [{ line, tokens: [{ text, scopes }] }]. */
export function tokenize(grammar, text) {
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { line, tokens: result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes })) };
  });
}
