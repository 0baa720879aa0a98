import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeRun, finishedCleanly, runCli, workspace } from './cliRunner';
import type { Suite } from './suite';

/** A secret outside the repository: it must never appear in any output. */
const SECRET = 'SECRET-policy-annotator-7f3a91';

interface OutsideCase {
  readonly name: string;
  /** Builds the repository inside `root` (the secret files live in `outside`). */
  setup(root: string, outside: string, repoRoot: string): void;
  readonly args: readonly string[];
}

const ARTICLE = `# 文章\n\n依個人資料保護法第6條。\n\n## 文章標籤\n\n${SECRET.slice(0, 6)}\n`;

const CASES: OutsideCase[] = [
  {
    name: '"taxonomy": "../<outside>/tags.yaml"',
    setup: (root, outside) => writeFileSync(path.join(root, '.policy-annotator.json'), JSON.stringify({ taxonomy: path.relative(root, path.join(outside, 'tags.yaml')) })),
    args: ['check', '--no-color', 'article.md'],
  },
  {
    name: '"taxonomy": an absolute path',
    setup: (root, outside) => writeFileSync(path.join(root, '.policy-annotator.json'), JSON.stringify({ taxonomy: path.join(outside, 'tags.yaml') })),
    args: ['check', '--no-color', 'article.md'],
  },
  {
    name: 'corpus/tags.yaml a symbolic link out',
    setup: (root, outside) => symlinkSync(path.join(outside, 'tags.yaml'), path.join(root, 'corpus', 'tags.yaml')),
    args: ['check', '--no-color', 'article.md'],
  },
  {
    name: '.policy-annotator.json a symbolic link out',
    setup: (root, outside) => symlinkSync(path.join(outside, 'secret.txt'), path.join(root, '.policy-annotator.json')),
    args: ['check', '--no-color', 'article.md'],
  },
  {
    name: 'an article found by a glob, a symbolic link out',
    setup: (root, outside) => symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'docs', 'x.md')),
    args: ['check', '--no-color', 'docs/**/*.md'],
  },
  {
    name: 'a law file FalVMingLing/I0050021.json a symbolic link out',
    setup: (root, outside, repoRoot) => {
      cpSync(path.join(repoRoot, 'laws', 'embedded'), path.join(root, 'laws'), { recursive: true });
      rmSync(path.join(root, 'laws', 'FalVMingLing', 'I0050021.json'));
      symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'laws', 'FalVMingLing', 'I0050021.json'));
    },
    args: ['annotate', '--json', '--cards', '--laws', 'laws', 'article.md'],
  },
  {
    name: 'laws/index.json a symbolic link out',
    setup: (root, outside, repoRoot) => {
      cpSync(path.join(repoRoot, 'laws', 'embedded'), path.join(root, 'laws'), { recursive: true });
      rmSync(path.join(root, 'laws', 'index.json'));
      symlinkSync(path.join(outside, 'index.json'), path.join(root, 'laws', 'index.json'));
    },
    args: ['check', '--no-color', '--laws', 'laws', 'article.md'],
  },
];

/** Devices and endless files: each run must end (within the limit) with a refusal. */
const HANG_CASES: Array<[string, string]> = [
  ['corpus/tags.yaml → /dev/zero', 'corpus/tags.yaml'],
  ['.policy-annotator.json → /dev/zero', '.policy-annotator.json'],
  ['docs/x.md → /dev/zero (found by a glob)', 'docs/x.md'],
];

export function runOutsideFiles(suite: Suite, repoRoot: string): void {
  let refused = 0;
  let leaked = 0;
  for (const testCase of CASES) {
    const outside = workspace('outside', {
      'tags.yaml': `mode: ${SECRET}\ntags:\n  - ${SECRET}\n  - tag: ${SECRET}-2\n`,
      'secret.txt': `${SECRET}:x:0:0:root:/root:/bin/bash\n`,
      'secret.md': `# ${SECRET}\n\n[${SECRET}](#)\n\n## 文章標籤\n\n${SECRET}\n`,
      'index.json': `[{"PCode":"I0050021","name":"${SECRET}"}]`,
    });
    const root = workspace('repo', { 'article.md': ARTICLE, 'docs/ok.md': ARTICLE, 'corpus/.keep': '' });
    try {
      testCase.setup(root, outside, repoRoot);
      mkdirSync(path.join(root, 'docs'), { recursive: true });
      const run = runCli(repoRoot, root, testCase.args);
      const output = run.stdout + run.stderr;
      const quoted = output.includes(SECRET) || output.includes('root:x:0:0');
      const said = /outside the repository|symbolic link|not read|is ignored|cannot be read/.test(output);
      if (quoted) leaked++;
      if (!quoted && said && finishedCleanly(run)) refused++;
      suite.check(`${testCase.name}: nothing read outside is quoted`, !quoted, describeRun(run));
      suite.check(`${testCase.name}: refused with a message, and the run ends cleanly`, said && finishedCleanly(run), describeRun(run));
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  }
  suite.figure(`files outside the repository (${CASES.length} ways in): refused with a message`, `${refused} / ${CASES.length}`);
  suite.figure('  outputs quoting what is outside', leaked);
  let ended = 0;
  let slowest = 0;
  for (const [name, link] of HANG_CASES) {
    const root = workspace('zero', { 'article.md': ARTICLE, 'docs/ok.md': ARTICLE, 'corpus/.keep': '' });
    try {
      symlinkSync('/dev/zero', path.join(root, link));
      const run = runCli(repoRoot, root, ['check', '--no-color', link.startsWith('docs/') ? 'docs/*.md' : 'article.md'], 20_000);
      const ok = finishedCleanly(run) && /not a regular file|outside the repository|symbolic link/.test(run.stdout + run.stderr);
      if (ok) ended++;
      slowest = Math.max(slowest, run.wallMs);
      suite.check(`${name}: refused, the run ends`, ok, describeRun(run));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  suite.figure(`symbolic links to /dev/zero (${HANG_CASES.length}): runs that end with a refusal`, `${ended} / ${HANG_CASES.length}`);
  suite.figure('  slowest of those runs (wall clock, whole CLI process)', `${Math.round(slowest)} ms`);
}
