import path from 'node:path';
import { NodeLawFileSystem } from '../../src/cli/laws';
import { toUri } from '../../src/cli/nodeFiles';
import { parseArticle } from '../../src/core/article/article';
import { findDecisions } from '../../src/core/decision/decisions';
import { findStatuteCitations } from '../../src/core/law/citations';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import { INPUT_FACTOR, RATIO_BOUND, timeRatio } from './linearTime';
import type { Suite } from './suite';

/**
 * Bad input for the statute detector: citations split over lines, 同法 with nothing before it, 10,000 § in a
 * row, a defined short name that shadows a real law's name. Sensible results, no exception, and linear time on
 * each unit repeated (see linearTime.ts: 16× the input must take < 40× the time; n^1.5 work takes about 64×). The
 * decision detector is timed the same way on many candidates, citations wrapped in quotes and long lines.
 */
export async function runStatutes(suite: Suite, repoRoot: string): Promise<void> {
  const library = new LawLibrary({ fileSystem: new NodeLawFileSystem(), sources: () => [{ folder: toUri(path.join(repoRoot, 'laws', 'embedded')), embedded: true }] });
  const index = await library.index();
  const detect = (text: string) => findStatuteCitations(text, index, parseArticle(text).skipped);
  const keys = (text: string) => detect(text).references.map((reference) => `${index.get(reference.pcode ?? '')?.name ?? '?'} ${reference.article?.main ?? ''}${reference.paragraph ? `.${reference.paragraph}` : ''}`);
  const expect = (name: string, text: string, wanted: string[]) => {
    let got: string[] = [];
    let error: unknown;
    try {
      got = keys(text);
    } catch (caught) {
      error = caught;
    }
    suite.check(name, error === undefined && JSON.stringify(got) === JSON.stringify(wanted), error ? String(error) : JSON.stringify(got));
  };

  expect('a citation split over lines: the name at a line end, the article on the next line', '依民法\n第184條規定', ['民法 184']);
  expect('a name split over lines is not guessed', '依民\n法第184條規定', []);
  expect('同法 with no law before it: nothing', '同法第5條規定如下。\n\n該法第3條', []);
  expect('同條 with nothing before it: nothing', '同條第2項', []);
  expect('10,000 § in a row: nothing, no exception', '§'.repeat(10_000), []);
  expect('10,000 § after a law name: nothing', `民法${'§'.repeat(10_000)}`, []);
  expect('a defined short name shadows a real law for the rest of the document', '公司法（以下簡稱民法）第8條；民法第23條', ['公司法 8', '公司法 23']);
  expect('before its definition, the real law', '民法第184條。公司法（以下簡稱民法）第8條', ['民法 184', '公司法 8']);
  expect('a definition with no law before it binds nothing', '（以下簡稱民法）第8條', []);
  expect('a compact list that never reaches a unit: nothing made up', `民法第1${'、1'.repeat(2_000)}`, []);

  const units: Array<[string, string]> = [
    ['§', '§'],
    ['§ with a number', '§1 I ① '],
    ['同法', '同法第1條'],
    ['a law and 同條', '民法第1條同條第2項'],
    ['PDF spaces', '民 法 第 1 條 '],
    ['a definition', '公司法（下稱甲法）甲法第1條'],
    ['compact lists', '第1、2、3項'],
    ['list words', '民法第1條跟'],
    ['headings and bare articles', '## 民法\n第1條\n'],
    ['的 before 第', '的的的第'],
    ['foreign prefixes', '德國民法第1條'],
    ['numbers without 第', '民法1條'],
    ['parentheses', '（（（('],
  ];
  const ratios: number[] = [];
  for (const [name, unit] of units) {
    const ratio = timeRatio((text) => detect(text), unit, 6_000, 'lowest');
    ratios.push(ratio);
    suite.check(`statute detector on ${name} repeated: linear time (${INPUT_FACTOR}× the input, ${ratio.toFixed(1)}× the time, < ${RATIO_BOUND}×)`, ratio < RATIO_BOUND, ratio.toFixed(1));
  }
  suite.figure(`statute detector: worst time ratio at ${INPUT_FACTOR}× the input (linear ≈ ${INPUT_FACTOR})`, Math.max(...ratios).toFixed(1));

  const decisionUnits: Array<[string, string]> = [
    ['many candidates', '最高法院109年度台上字第1234號、第5號及釋字第603號、前揭判決、'],
    ['citations wrapped in a quote', '> 最高法院109年度台上字\n> 第1234號判決、釋字\n> 第603號\n'],
    ['numbers at the ends of long lines', `${'字'.repeat(2000)}12\n> 1\n`],
  ];
  const scanDecisions = (text: string) => findDecisions(text, parseArticle(text).skipped);
  for (const [name, unit] of decisionUnits) {
    const ratio = timeRatio(scanDecisions, unit, Math.max(6_000, unit.length), 'lowest');
    suite.check(`decision detector on ${name} repeated: linear time (${INPUT_FACTOR}× the input, ${ratio.toFixed(1)}× the time, < ${RATIO_BOUND}×)`, ratio < RATIO_BOUND, ratio.toFixed(1));
  }
}
