import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeArticle } from '../../src/core/article/analysis';
import { parseProjectConfig } from '../../src/core/config';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { renderHoverCard } from '../../src/core/hoverCard';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { GlobSet } from '../../src/core/util/glob';
import { describeRun, finishedCleanly, runCli, workspace } from './cliRunner';
import { INPUT_FACTOR, RATIO_BOUND, timeRatioOf } from './linearTime';
import { cpuMs, milliseconds, type Suite } from './suite';

/** Article texts of about `size` characters whose structure nests. */
const NESTED: Array<[string, (size: number) => string]> = [
  ['nested citation keys [@a [@a …]]]', (size) => '[@a '.repeat(size / 5) + ']'.repeat(size / 5)],
  ['nested brackets [[[…]]](#) on one line', (size) => `${'['.repeat(size / 2)}x${']'.repeat(size / 2)}(#)\n`],
  ['nested brackets over lines', (size) => `${`${'['.repeat(99)}\n`.repeat(size / 200)}x${']'.repeat(size / 2)}(#)\n`],
  ['nested brackets in 文章標籤', (size) => `# t\n\n## 文章標籤\n\n${'['.repeat(size / 2)}x${']'.repeat(size / 2)}\n`],
];

const STARS_12 = '**/*a*a*a*a*a*a*a*a*a*a*a*a*b.md';

export function runSmallInputs(suite: Suite, repoRoot: string): void {
  // Globs: 12 stars against a 60-character name, through the CLI (a hang is a killed run) and timed in-process.
  {
    const name = `${'a'.repeat(60)}.md`;
    const root = workspace('glob', { '.policy-annotator.json': JSON.stringify({ corpus: { include: [STARS_12] } }), [`corpus/${name}`]: '---\nid: x\ntitle: X\n---\n', 'article.md': '# t\n' });
    try {
      const run = runCli(repoRoot, root, ['check', '--no-color', 'article.md'], 30_000);
      suite.check('a 12-star include glob and a 60-character name: the CLI run ends', finishedCleanly(run), describeRun(run));
      if (finishedCleanly(run)) {
        const set = new GlobSet([STARS_12]);
        const thousand = cpuMs(() => {
          for (let round = 0; round < 1_000; round++) set.matches(`${round}${name}`);
        }, 3);
        suite.check('  1,000 such names are matched in under 1 s (CPU)', thousand < 1_000, milliseconds(thousand));
        suite.figure('glob with 12 stars against 1,000 names of 60 characters: matched in (CPU, best of 3)', milliseconds(thousand));
      }
      const braces = runCli(repoRoot, root, ['check', '--no-color', '{*,*}'.repeat(8)], 30_000);
      suite.check('{*,*}×8 is refused as a usage error (too many alternatives), at once', braces.status === 2 && /alternatives/.test(braces.stderr), describeRun(braces));
      const huge = runCli(repoRoot, root, ['check', '--no-color', `${'*x'.repeat(50_000)}.md`], 30_000);
      suite.check('a 100 KB glob is refused without echoing it (stderr under 4 KB)', huge.status === 2 && huge.stderr.length < 4_096, `${huge.stderr.length} bytes; ${describeRun(huge)}`);
      suite.figure('100 KB glob: bytes echoed to stderr', huge.stderr.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  // Nested structures at 200 KB: the CLI must end (a kill means super-linear), then the analysis is timed.
  const index = new CorpusIndex();
  for (const [name, make] of NESTED) {
    const text = make(200_000);
    const root = workspace('nested', { 'article.md': text });
    try {
      const run = runCli(repoRoot, root, ['annotate', '--json', '--no-embedded', 'article.md'], 30_000);
      suite.check(`${name} (200 KB): annotate --json ends cleanly`, finishedCleanly(run) && run.stdout.trim().startsWith('['), describeRun(run));
      if (!finishedCleanly(run)) continue;
      const analyse = (input: string) => analyzeArticle(input, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) });
      const large = cpuMs(() => analyse(text), 2);
      const ratio = timeRatioOf(analyse, (factor) => make((200_000 * factor) / INPUT_FACTOR), 'lowest', 2);
      suite.check(`${name}: analysis time grows about linearly (time ratio at ${INPUT_FACTOR}× the input under ${RATIO_BOUND})`, ratio < RATIO_BOUND && large < 5_000, `${milliseconds(large)} for 200 KB, ratio ${ratio.toFixed(1)}`);
      suite.figure(`${name}, 200 KB: analysed in (CPU; time ratio at ${INPUT_FACTOR}× the input)`, `${milliseconds(large)} (${ratio.toFixed(1)}×)`);
      const keys = analyzeArticle(text, index, { threshold: 0.7, kinds: new Set() }).article.keys.length;
      if (name.includes('keys')) suite.check(`${name}: each key found once`, keys === 40_000, `${keys} keys`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  runHugeLists(suite, repoRoot);
  runSpoofing(suite, repoRoot);
  runSmallFixes(suite);
}

/** Lists long enough that push(...list) would overflow the stack; problems capped per file. */
function runHugeLists(suite: Suite, repoRoot: string): void {
  const records = Array.from({ length: 150_000 }, (_, index) => JSON.stringify({ title: `Record ${index}`, type: 'report' })).join('\n');
  const tags = Array.from({ length: 150_000 }, (_, index) => `t${index}`).join('、');
  const root = workspace('lists', {
    '.policy-annotator.json': JSON.stringify({ corpus: { include: ['corpus/**/*.jsonl'], maxFileSize: 50 } }),
    'corpus/many.jsonl': records,
    'article.md': `# t\n\n## 文章標籤\n\n${tags}\n`,
    'small.md': '# t\n',
    'small.json': '{}',
  });
  try {
    const run = runCli(repoRoot, root, ['check', '--no-color', '--no-embedded', 'small.md'], 120_000);
    const lines = run.stdout.split('\n').length;
    suite.check('150,000 records with a problem each: check ends cleanly (no stack overflow)', finishedCleanly(run) && run.status === 1, describeRun(run));
    suite.check('  the problems are capped per file, the rest counted ("and 149,000 more")', lines < 1_100 && /and 149,000 more problems/.test(run.stdout), `${lines} lines`);
    suite.figure('150,000-problem file: check ends with exit code', `${run.status} (${lines} output lines)`);
    const tagRun = runCli(repoRoot, root, ['check', '--no-color', '--no-embedded', '--config', 'small.json', 'article.md'], 60_000);
    suite.check('150,000 tags on one line: check ends cleanly', finishedCleanly(tagRun), describeRun(tagRun));
    cpSync(path.join(repoRoot, 'laws', 'embedded'), path.join(root, 'laws'), { recursive: true });
    writeFileSync(path.join(root, 'laws', 'aliases.json'), JSON.stringify(Object.fromEntries(Array.from({ length: 130_000 }, (_, index) => [`bad${index}`, 1]))));
    writeFileSync(path.join(root, 'huge.md'), `# t\n\n${'人工智慧。'.repeat(220_000)}\n`);
    const hugeRun = runCli(repoRoot, root, ['check', '--no-color', '--no-embedded', '--config', 'small.json', 'huge.md'], 60_000);
    suite.check('a 3 MB article is refused by the CLI with the 2 MB limit named (as in the extension)', hugeRun.status === 2 && /2\.0 MB limit/.test(hugeRun.stderr + hugeRun.stdout), describeRun(hugeRun));
    const lawRun = runCli(repoRoot, root, ['check', '--no-color', '--no-embedded', '--laws', 'laws', 'small.md'], 60_000);
    suite.check('a law aliases.json with 130,000 bad keys: check ends cleanly', finishedCleanly(lawRun), describeRun(lawRun));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Aliases that NFKC folds onto everyday text, and one-character aliases: refused with a diagnostic, never matched. */
function runSpoofing(suite: Suite, repoRoot: string): void {
  const spoofs: Array<[string, string]> = [
    ['㊀', '第一章'],
    ['①', '第1條'],
    ['⼈⼯智慧', '人工智慧'],
    ['𝐀𝐈', 'AI'],
    ['ＡＩ安全', 'AI安全'],
    ['法', '法律'],
  ];
  const refusable = spoofs.filter(([alias]) => alias !== 'ＡＩ安全');
  const records = spoofs.map(([alias], index) => ({ id: `spoof-${index}`, type: 'report', title: `Spoof record ${index}`, aliases: [alias] }));
  const root = workspace('spoof', { 'corpus/spoof.json': JSON.stringify(records), 'article.md': `# t\n\n${spoofs.map(([, text]) => text).join('，')}。\n` });
  try {
    const annotate = runCli(repoRoot, root, ['annotate', '--json', '--no-embedded', '--corpus', 'corpus', 'article.md']);
    const check = runCli(repoRoot, root, ['check', '--format', 'json', '--no-embedded', '--corpus', 'corpus', 'article.md']);
    let matched: string[] = [];
    let refused = 0;
    try {
      matched = (JSON.parse(annotate.stdout) as Array<{ references: Array<{ id: string | null }> }>)[0]!.references.map((reference) => reference.id ?? '');
      refused = (JSON.parse(check.stdout) as Array<{ code: string }>).filter((row) => row.code === 'corpus-name-spoofing' || row.code === 'corpus-name-too-short').length;
    } catch {
      /* reported below */
    }
    const spoofMatches = refusable.filter((_, index) => matched.includes(`spoof-${spoofs.indexOf(refusable[index]!)}`)).length;
    suite.check('spoofing aliases (㊀, ①, Kangxi radicals, mathematical letters, one character) match nothing', spoofMatches === 0, `matched ${JSON.stringify(matched)}; ${describeRun(annotate)}`);
    suite.check('  each is refused with a diagnostic', refused === refusable.length, `${refused} diagnostics; ${describeRun(check)}`);
    suite.check('  a full-width alias (ＡＩ安全) still matches AI安全', matched.includes(`spoof-${spoofs.findIndex(([alias]) => alias === 'ＡＩ安全')}`), JSON.stringify(matched));
    suite.figure(`spoofing aliases refused with a diagnostic (not matched)`, `${refused} / ${refusable.length} (${spoofMatches} matched)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function record(id: string, title: string, url?: string): CorpusRecord {
  return { id, type: 'report', title, aliases: [], summary: {}, tags: [], related: [], ...(url ? { url } : {}), origin: { uri: 'file:///ws/corpus/x.json', line: 0, fieldLines: {}, embedded: false } } as CorpusRecord;
}

/** Card URLs, shared names, severity keys, zero-width spaces, formula-like titles. */
function runSmallFixes(suite: Suite): void {
  const url = 'https://www.gov.uk.government.publications.ai-safety-summit-2023.evil.example/government/publications/ai-safety-summit';
  const card = renderHoverCard(record('u', 'U', url), 'en', {});
  const shown = /\[([^\]]*)\]\(https:/.exec(card)?.[1]?.replace(/\\(.)/g, '$1') ?? '';
  suite.check('a card shows a long host with its registrable domain whole', /evil\.example(\/|…|$)/.test(shown) && !/evil\.exampl…/.test(shown), shown);
  const index = new CorpusIndex();
  const shared = Array.from({ length: 80_000 }, (_, position) => record(`shared-${position}`, 'One shared title'));
  const addMs = cpuMs(() => {
    for (const item of shared) index.set(item);
  });
  suite.check('80,000 records sharing one title are indexed in under 3 s (CPU)', addMs < 3_000, milliseconds(addMs));
  suite.figure('80,000 records sharing one title: indexed in (CPU)', milliseconds(addMs));
  const config = parseProjectConfig('file:///ws/.policy-annotator.json', JSON.stringify({ severity: { constructor: 'off', toString: 'off', ['__proto__']: 'off', hasOwnProperty: 'error' } }));
  suite.check('severity keys constructor, toString, __proto__ are refused as codes', Object.keys(config.config.severity ?? {}).length === 0 && config.problems.length >= 3, JSON.stringify(config));
  const zw = new CorpusIndex();
  zw.set({ ...record('bletchley', '布萊切利宣言') });
  const analysis = analyzeArticle('# t\n\n依布萊切利\u200b宣言。\n', zw, { threshold: 0.7, kinds: new Set(['mention']) });
  suite.check('a name with a zero-width space inside is still found', analysis.references.some((reference) => reference.id === 'bletchley'), JSON.stringify(analysis.references));
  const formula = new CorpusIndex();
  formula.set(record('formula', '=HYPERLINK("https://evil.example","x")'));
  const sources = analyzeArticle('# t\n\n## 資料來源\n\n- =HYPERLINK("https://evil.example","x")\n', formula, { threshold: 0.7, kinds: new Set(['mention', 'citation']) });
  const startsWithData = sources.diagnostics.filter((diagnostic) => /^[=+\-@]/.test(diagnostic.message));
  suite.check('no message starts with data (a title =HYPERLINK( is quoted)', startsWithData.length === 0, JSON.stringify(sources.diagnostics.map((diagnostic) => diagnostic.message)));
}
