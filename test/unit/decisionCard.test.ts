import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { renderDecisionCard } from '../../src/core/decision/decisionCard';
import { checkDecisions } from '../../src/core/decision/decisionChecks';
import { DecisionRecords } from '../../src/core/decision/decisionRecords';
import { findDecisions } from '../../src/core/decision/decisions';
import { indexOf } from './helpers';

const first = (text: string) => findDecisions(text).references[0]!;
const TODAY = new Date('2026-06-30T00:00:00');
const record = (id: string, title: string, extra: Partial<CorpusRecord> = {}): CorpusRecord => ({ id, type: 'case', title, aliases: [], summary: {}, tags: [], related: [], origin: { uri: 'file:///c.jsonl', line: 0, fieldLines: {}, embedded: false }, ...extra });

describe('decision cards', () => {
  it('say the citation in words, with the Gregorian year', () => {
    const card = renderDecisionCard(first('最高法院109年度台上字第1234號民事判決'), undefined, 'en');
    assert.match(card, /Court: 最高法院 \(Supreme Court\)/);
    assert.match(card, /Year: ROC 109 \(2020\)/);
    assert.match(card, /Case type \(字別\): 台上/);
    assert.match(card, /Number: 1234/);
    assert.match(card, /Kind: civil judgment/);
    assert.match(renderDecisionCard(first('最高法院109年度台上字第1234號民事判決'), undefined, 'zh'), /年度：民國109年（2020年）/);
  });

  it('link interpretations to the Constitutional Court page by number; say when no stable link exists', () => {
    assert.match(renderDecisionCard(first('釋字第603號'), undefined, 'en'), /\]\(https:\/\/cons\.judicial\.gov\.tw\/jcc\/zh-tw\/jep03\/show\?expno=603\)/);
    const court = renderDecisionCard(first('最高法院109年度台上字第1234號'), undefined, 'en');
    assert.match(court, /No stable link can be made from the citation/);
    assert.match(court, /\]\(https:\/\/judgment\.judicial\.gov\.tw\/FJUD\/default\.aspx\)/);
    assert.match(renderDecisionCard(first('憲法法庭111年憲判字第13號判決'), undefined, 'en'), /No stable link can be made from the case number/);
  });

  it('escape corpus text and refuse links that are not http(s)', () => {
    const hostile = record('x', '最高法院109年度台上字第1234號判決', { summary: { en: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) $(zap)' }, url: 'javascript:alert(1)' });
    const card = renderDecisionCard(first('最高法院109年度台上字第1234號'), hostile, 'en');
    assert.doesNotMatch(card, /(?<!\\)<img/);
    assert.doesNotMatch(card, /\]\(javascript:/);
    assert.match(card, /\\<img/);
    assert.match(card, /\\\$\\\(zap\\\)/);
  });

  it('a 前揭判決 card says which decision it refers to', () => {
    const [, context] = findDecisions('最高法院109年度台上字第1234號判決，前揭判決').references;
    assert.match(renderDecisionCard(context!, undefined, 'en'), /Refers to 最高法院109年度台上字第1234號判決, cited earlier/);
  });
});

describe('decision checks', () => {
  const codes = (text: string) => checkDecisions(findDecisions(text), TODAY).map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]);

  it('釋字 above 813, a 年度 after this year, 憲判字 before 111, case number 0', () => {
    assert.equal(codes('釋字第813號').length, 0);
    assert.deepEqual(codes('釋字第814號')[0]?.slice(0, 2), ['invalid-decision-number', 'info']);
    assert.equal(codes('最高法院115年度台上字第1號').length, 0);
    assert.match(String(codes('最高法院116年度台上字第1號')[0]?.[2]), /年度 116 is out of range: this year is 115 年 \(2026\)/);
    assert.match(String(codes('110年憲判字第1號')[0]?.[2]), /憲判字 decisions began in 111/);
    assert.match(String(codes('最高法院109年度台上字第0號')[0]?.[2]), /Case number 0 does not exist/);
  });

  it('nothing for 前揭判決 (its antecedent is checked) or for forms that cannot be judged', () => {
    assert.equal(codes('釋字第900號，前揭解釋').length, 1);
    assert.equal(codes('法律字第11303500000號函').length, 0);
  });
});

describe('the decisions corpus (type: case records)', () => {
  const index = indexOf([
    record('a', '司法院釋字第603號解釋'),
    record('b', '最高法院109年度台上字第1234號民事判決', { aliases: ['最高法院109台上1234'] }),
    record('c', '臺灣高等法院110年度上易字第56號刑事判決'),
    record('d', '臺灣臺北地方法院110年度上易字第56號刑事判決'),
    record('e', '一則報導：最高法院109年度台上字第9號', { type: 'article' }),
  ]);
  const records = new DecisionRecords(index);
  const resolve = (text: string) => records.resolve(first(text))?.id;

  it('resolves whatever form the article writes', () => {
    assert.equal(resolve('釋字603'), 'a');
    assert.equal(resolve('大法官釋字第六〇三號'), 'a');
    assert.equal(resolve('最高法院109台上1234'), 'b');
    assert.equal(resolve('109年度臺上字第1234號'), 'b');
  });

  it('tells apart two courts with the same 字號, and leaves it open when the court is not written', () => {
    assert.equal(resolve('台灣高等法院110年度上易字第56號'), 'c');
    assert.equal(resolve('台北地院110年度上易字第56號'), 'd');
    assert.equal(resolve('110年度上易字第56號'), undefined);
  });

  it('only records of type case, rebuilt when the corpus changes', () => {
    assert.equal(resolve('最高法院109年度台上字第9號'), undefined);
    index.set(record('f', '最高法院109年度台上字第9號判決'));
    assert.equal(resolve('最高法院109年度台上字第9號'), 'f');
  });
});
