import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { decisionAt, findDecisions, type DecisionReference } from '../../src/core/decision/decisions';
import { courtEndingAt, officialCourt } from '../../src/core/decision/courts';
import { formatMessage } from '../../src/core/util/messages';

const scan = (text: string) => findDecisions(text, parseArticle(text).skipped);

/** The fields annotate --json reports, and the span. */
const shape = (reference: DecisionReference) => ({
  text: reference.text,
  ...(reference.court ? { court: reference.court } : {}),
  ...(reference.year !== undefined ? { year: reference.year } : {}),
  caseType: reference.caseType,
  ...(reference.number !== undefined ? { number: reference.number } : {}),
  ...(reference.decisionType ? { decisionType: reference.decisionType } : {}),
});
const shapes = (text: string) => scan(text).references.map(shape);

describe('釋字 (interpretations of the Grand Justices)', () => {
  it('釋字第N號, with 解釋, 司法院 and 大法官 before it', () => {
    assert.deepEqual(shapes('依釋字第603號解釋，指紋不得強制按捺。'), [{ text: '釋字第603號解釋', caseType: '釋', number: 603, decisionType: '解釋' }]);
    assert.deepEqual(shapes('司法院釋字第603號解釋宣告違憲'), [{ text: '司法院釋字第603號解釋', court: '司法院', caseType: '釋', number: 603, decisionType: '解釋' }]);
    assert.deepEqual(shapes('大法官釋字第689號'), [{ text: '大法官釋字第689號', caseType: '釋', number: 689 }]);
    assert.deepEqual(shapes('司法院大法官會議釋字第二六一號解釋'), [{ text: '司法院大法官會議釋字第二六一號解釋', court: '司法院', caseType: '釋', number: 261, decisionType: '解釋' }]);
  });

  it('abbreviated: 釋字603, 釋字 603 號, and 釋603 after a function word', () => {
    assert.deepEqual(shapes('參照釋字603意旨'), [{ text: '釋字603', caseType: '釋', number: 603 }]);
    assert.deepEqual(shapes('釋字 603 號'), [{ text: '釋字 603 號', caseType: '釋', number: 603 }]);
    assert.deepEqual(shapes('（釋603）'), [{ text: '釋603', caseType: '釋', number: 603 }]);
  });

  it('lists: 釋字第603號、第689號; 釋字第603、689號; 釋字第603號及第689號解釋', () => {
    assert.deepEqual(shapes('釋字第603號、第689號'), [
      { text: '釋字第603號', caseType: '釋', number: 603 },
      { text: '第689號', caseType: '釋', number: 689 },
    ]);
    assert.deepEqual(shapes('釋字第603、689號'), [
      { text: '釋字第603', caseType: '釋', number: 603 },
      { text: '689號', caseType: '釋', number: 689 },
    ]);
    assert.deepEqual(shapes('釋字第603號及第689號解釋'), [
      { text: '釋字第603號', caseType: '釋', number: 603, decisionType: '解釋' },
      { text: '第689號解釋', caseType: '釋', number: 689, decisionType: '解釋' },
    ]);
  });

  it('not an interpretation: 解釋, 稀釋, a list that goes on with an article', () => {
    assert.deepEqual(shapes('本法之解釋第3點'), []);
    assert.deepEqual(shapes('稀釋10倍後使用'), []);
    assert.deepEqual(shapes('釋字第603號、第184條'), [{ text: '釋字第603號', caseType: '釋', number: 603 }]);
  });
});

describe('the Constitutional Court', () => {
  it('憲法法庭N年憲判字第N號判決 and 憲裁字', () => {
    assert.deepEqual(shapes('憲法法庭111年憲判字第13號判決認為'), [{ text: '憲法法庭111年憲判字第13號判決', court: '憲法法庭', year: 111, caseType: '憲判', number: 13, decisionType: '判決' }]);
    assert.deepEqual(shapes('111年憲裁字第57號裁定'), [{ text: '111年憲裁字第57號裁定', year: 111, caseType: '憲裁', number: 57, decisionType: '裁定' }]);
    const [reference] = scan('112年憲判字第4號').references;
    assert.equal(reference?.kind, 'constitutional');
    assert.equal(reference?.courtName, '憲法法庭');
  });
});

describe('courts: court + 年度 + 字別 + 字第N號 + 判決/裁定', () => {
  it('最高法院 and 最高行政法院, with 民事/刑事/行政', () => {
    assert.deepEqual(shapes('最高法院109年度台上字第1234號民事判決'), [{ text: '最高法院109年度台上字第1234號民事判決', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' }]);
    assert.deepEqual(shapes('最高行政法院110年度判字第5號判決'), [{ text: '最高行政法院110年度判字第5號判決', court: '最高行政法院', year: 110, caseType: '判', number: 5, decisionType: '判決' }]);
    assert.equal(scan('最高法院109年度台上字第1234號民事判決').references[0]?.matter, '民事');
  });

  it('高等法院: 臺灣/台灣, without the province, its branches', () => {
    assert.deepEqual(shapes('臺灣高等法院110年度上易字第56號判決'), [{ text: '臺灣高等法院110年度上易字第56號判決', court: '臺灣高等法院', year: 110, caseType: '上易', number: 56, decisionType: '判決' }]);
    assert.deepEqual(shapes('台灣高等法院110年度上易字第56號判決'), [{ text: '台灣高等法院110年度上易字第56號判決', court: '臺灣高等法院', year: 110, caseType: '上易', number: 56, decisionType: '判決' }]);
    assert.deepEqual(shapes('高等法院臺中分院108年度上訴字第99號刑事判決')[0]?.court, '高等法院臺中分院');
    assert.equal(scan('台灣高等法院台南分院107年度上字第1號').references[0]?.courtName, '臺灣高等法院臺南分院');
    assert.equal(scan('福建高等法院金門分院105年度上字第2號').references[0]?.courtName, '福建高等法院金門分院');
  });

  it('高等行政法院, 地方法院, 智慧財產及商業法院, 少年及家事法院', () => {
    assert.equal(scan('臺北高等行政法院112年度訴字第100號判決').references[0]?.courtName, '臺北高等行政法院');
    assert.deepEqual(shapes('臺灣臺北地方法院105年度訴字第123號民事判決'), [{ text: '臺灣臺北地方法院105年度訴字第123號民事判決', court: '臺灣臺北地方法院', year: 105, caseType: '訴', number: 123, decisionType: '判決' }]);
    assert.equal(scan('台北地方法院105年度訴字第123號').references[0]?.courtName, '臺灣臺北地方法院');
    assert.equal(scan('智慧財產及商業法院111年度民專上字第7號判決').references[0]?.caseType, '民專上');
    assert.equal(scan('臺灣高雄少年及家事法院110年度家親聲字第3號裁定').references[0]?.decisionType, '裁定');
    assert.equal(scan('福建金門地方法院109年度易字第8號').references[0]?.courtName, '福建金門地方法院');
  });

  it('short court names: 臺北地院, 北高行, 智財法院', () => {
    assert.equal(scan('台北地院108年度訴字第9號判決').references[0]?.court, '臺北地院');
    assert.equal(scan('台北地院108年度訴字第9號判決').references[0]?.courtName, '臺灣臺北地方法院');
    assert.equal(scan('北高行111年度訴字第1號').references[0]?.courtName, '臺北高等行政法院');
    assert.equal(scan('智財法院104年度民專上字第3號').references[0]?.courtName, '智慧財產法院');
  });

  it('FJUD titles: the decision type between the court and the number', () => {
    assert.deepEqual(shapes('臺灣臺北地方法院民事判決105年度訴字第123號'), [{ text: '臺灣臺北地方法院民事判決105年度訴字第123號', court: '臺灣臺北地方法院', year: 105, caseType: '訴', number: 123, decisionType: '判決' }]);
  });

  it('Chinese numerals, full-width digits and spaces', () => {
    assert.deepEqual(shapes('最高法院一〇九年度台上字第一二三四號判決'), [{ text: '最高法院一〇九年度台上字第一二三四號判決', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' }]);
    assert.deepEqual(shapes('最高法院 １０９年度 台上字 第１２３４號'), [{ text: '最高法院 １０９年度 台上字 第１２３４號', court: '最高法院', year: 109, caseType: '台上', number: 1234 }]);
  });

  it('臺上 is written 台上 in caseType, as the Judicial Yuan writes 字別', () => {
    assert.equal(scan('最高法院109年度臺上字第1234號').references[0]?.caseType, '台上');
  });

  it('abbreviated: 最高法院109台上1234, 109年台上字1234號, 109年度台上1234號 after a court', () => {
    assert.deepEqual(shapes('見最高法院109台上1234。'), [{ text: '最高法院109台上1234', court: '最高法院', year: 109, caseType: '台上', number: 1234 }]);
    assert.deepEqual(shapes('109年台上字1234號'), [{ text: '109年台上字1234號', year: 109, caseType: '台上', number: 1234 }]);
    assert.deepEqual(shapes('最高法院109年度台上1234號判決'), [{ text: '最高法院109年度台上1234號判決', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' }]);
  });

  it('lists: 第1234號、第5678號; a second year of the same court; 同年度; the type after the last applies to all', () => {
    assert.deepEqual(shapes('最高法院109年度台上字第1234號、第5678號民事判決'), [
      { text: '最高法院109年度台上字第1234號', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' },
      { text: '第5678號民事判決', court: '最高法院', year: 109, caseType: '台上', number: 5678, decisionType: '判決' },
    ]);
    assert.deepEqual(shapes('最高法院109年度台上字第1234號、110年度台上字第5號判決'), [
      { text: '最高法院109年度台上字第1234號', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' },
      { text: '110年度台上字第5號判決', court: '最高法院', year: 110, caseType: '台上', number: 5, decisionType: '判決' },
    ]);
    assert.deepEqual(shapes('最高法院109年度台上字第1234號及同年度台抗字第567號裁定'), [
      { text: '最高法院109年度台上字第1234號', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '裁定' },
      { text: '同年度台抗字第567號裁定', court: '最高法院', year: 109, caseType: '台抗', number: 567, decisionType: '裁定' },
    ]);
    assert.deepEqual(scan('最高法院109年度台上字第1234號、第5678號').references.map((reference) => reference.via), [undefined, 'list']);
  });

  it('同號判決 and 前揭判決 refer back within a section, not past a heading', () => {
    const text = '最高法院109年度台上字第1234號判決指出……前揭判決並認為……司法院釋字第603號解釋……同號解釋亦指出\n\n## 下一節\n\n前揭判決不再指向上一節。';
    const references = scan(text).references;
    assert.deepEqual(references.map((reference) => [reference.text, reference.number, reference.via]), [
      ['最高法院109年度台上字第1234號判決', 1234, undefined],
      ['前揭判決', 1234, 'context'],
      ['司法院釋字第603號解釋', 603, undefined],
      ['同號解釋', 603, 'context'],
    ]);
  });

  it('not a decision: dates, agency letters, counts after a court, 應該判決', () => {
    assert.deepEqual(shapes('113年3月5日法律字第11303500000號函'), []);
    assert.deepEqual(shapes('金管會113年金管銀字第1130138000號令'), []);
    assert.deepEqual(shapes('臺北地院113年受理案件3000件'), []);
    assert.deepEqual(shapes('113年度預算執行率達90%'), []);
    assert.deepEqual(shapes('法院應該判決被告無罪'), []);
    assert.deepEqual(shapes('113年度第1次會議'), []);
  });

  it('skips code, front matter and comments', () => {
    assert.deepEqual(shapes('`釋字第603號`\n\n<!-- 最高法院109年度台上字第1234號 -->'), []);
  });
});

describe('numbers that cannot be read', () => {
  it('a case number of 10,000 digits is one problem, read in linear time', () => {
    const text = `最高法院109年度台上字第${'9'.repeat(10_000)}號判決，另見釋字第${'6'.repeat(10_000)}號`;
    const started = process.cpuUsage();
    const { references, problems } = scan(text);
    const cpuMs = (process.cpuUsage(started).user + process.cpuUsage(started).system) / 1000;
    assert.deepEqual(references, []);
    assert.equal(problems.length, 2);
    assert.match(formatMessage(problems[0]!.message), /10000 digits/);
    assert.ok(cpuMs < 200, `${cpuMs} ms`);
  });

  // Linear time on these units is measured in the robustness suite (test/robustness/statutes.ts), with CPU time
  // on larger inputs; here only the results.
  it('a text of many candidates finds each citation once', () => {
    const unit = '最高法院109年度台上字第1234號、第5號及釋字第603號、前揭判決、';
    const large = unit.repeat(1600);
    assert.equal(scan(large).references.length, 1600 * 4);
  });

  it('wrapped and quoted lines: each citation found once', () => {
    assert.equal(scan('> 最高法院109年度台上字\n> 第1234號判決、釋字\n> 第603號\n'.repeat(800)).references.length, 1600);
  });
});

describe('courts table', () => {
  it('finds the longest court name ending at a position', () => {
    const text = '臺灣高等法院臺中分院';
    assert.equal(courtEndingAt(text, text.length)?.official, '臺灣高等法院臺中分院');
    assert.equal(officialCourt('台中高分院'), '臺灣高等法院臺中分院');
    assert.equal(officialCourt('北院'), undefined);
  });

  it('decisionAt finds the reference holding an offset', () => {
    const { references } = scan('甲 最高法院109年度台上字第1234號 乙 釋字第603號');
    assert.equal(decisionAt(references, 3)?.number, 1234);
    assert.equal(decisionAt(references, 0), undefined);
    assert.equal(decisionAt(references, references[1]!.start + 1)?.number, 603);
  });
});

describe('citations wrapped across lines in the Markdown source', () => {
  /** Line and column (0-based) of an offset. */
  const where = (text: string, offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return [before.length - 1, before.at(-1)!.length];
  };

  it('a case number broken after 字, before 第: one reference whose range covers both lines', () => {
    const text = '本案上訴人援引最高法院109年度台上字\n第1234號民事判決，主張契約無效。';
    const references = scan(text).references;
    assert.deepEqual(references.map(shape), [{ text: '最高法院109年度台上字\n第1234號民事判決', court: '最高法院', year: 109, caseType: '台上', number: 1234, decisionType: '判決' }]);
    assert.deepEqual(where(text, references[0]!.start), [0, 7]);
    assert.deepEqual(where(text, references[0]!.end), [1, 10]);
    assert.equal(references[0]!.matter, '民事');
  });

  it('broken after the court, after 年度, before 號 and before the decision type; CRLF too', () => {
    assert.deepEqual(shapes('我們參考臺灣高等法院\n110年度上易字第56號判決的理由。').map((item) => [item.court, item.year, item.caseType, item.number]), [['臺灣高等法院', 110, '上易', 56]]);
    assert.deepEqual(shapes('見最高行政法院111年度\n上字第7號判決').map((item) => [item.court, item.caseType, item.number, item.decisionType]), [['最高行政法院', '上', 7, '判決']]);
    assert.deepEqual(shapes('參照臺北地院112年度訴字第88\n號判決').map((item) => [item.caseType, item.number, item.decisionType]), [['訴', 88, '判決']]);
    assert.deepEqual(shapes('依最高法院108年度台上字第9號\r\n刑事判決意旨').map((item) => [item.number, item.decisionType, item.text]), [[9, '判決', '最高法院108年度台上字第9號\r\n刑事判決']]);
  });

  it('釋字 and lists wrapped across lines', () => {
    assert.deepEqual(shapes('大法官作成釋字\n第603號解釋後').map((item) => [item.caseType, item.number, item.decisionType]), [['釋', 603, '解釋']]);
    assert.deepEqual(shapes('見最高法院109年度台上字第11號、\n第22號判決').map((item) => [item.court, item.number, item.decisionType]), [['最高法院', 11, '判決'], ['最高法院', 22, '判決']]);
  });

  it('a quoted paragraph wraps inside the quote', () => {
    const text = '> 學者指出，最高法院109年度台上字\n> 第1234號判決已改變見解。';
    const references = scan(text).references;
    assert.deepEqual(references.map((reference) => [reference.number, reference.text]), [[1234, '最高法院109年度台上字\n> 第1234號判決']]);
    assert.deepEqual(shapes('> 我們引用最高法院\n> 109年度台上字第5號判決').map((item) => [item.court, item.number]), [['最高法院', 5]]);
  });

  it('never across a paragraph break, into a heading, a list item, a table row, or from a quote into plain text', () => {
    for (const text of [
      '最高法院109年度台上字\n\n第1234號判決',
      '最高法院109年度台上字\n# 第1234號判決',
      '最高法院109年度台上字\n- 第1234號判決',
      '最高法院109年度台上字\n| 第1234號判決 |',
      '最高法院109年度台上字\n1. 第1234號判決',
      '最高法院109年度台上字\n> 第1234號判決',
    ]) assert.deepEqual(shapes(text).map((item) => item.number), [], JSON.stringify(text));
    // The court on a line of its own before a blank line names nothing on the next paragraph.
    assert.deepEqual(shapes('最高法院\n\n109年度台上字第5號判決').map((item) => item.court ?? '(none)'), ['(none)']);
  });
});

describe('forms found in real texts', () => {
  it('大法官第N號解釋 without 釋字 is an interpretation; only with 解釋 after the number', () => {
    assert.deepEqual(shapes('早在大法官第748號解釋作成前，社會已有討論。'), [{ text: '大法官第748號解釋', caseType: '釋', number: 748, decisionType: '解釋' }]);
    assert.deepEqual(shapes('司法院大法官第499號解釋認定修憲程序有瑕疵'), [{ text: '司法院大法官第499號解釋', court: '司法院', caseType: '釋', number: 499, decisionType: '解釋' }]);
    assert.deepEqual(shapes('大法官會議第3號解釋').map((item) => item.number), [3]);
    assert.deepEqual(shapes('大法官第3次會議決議；大法官第5號意見書；第8號解釋'), []);
  });

  it('a prosecutors\' investigation number is not a decision; a court\'s 偵聲 ruling is', () => {
    assert.deepEqual(shapes('檢察官以112年度偵字第3456號起訴，另有113年度偵續字第7號。'), []);
    assert.deepEqual(shapes('臺灣臺北地方法院112年度偵聲字第8號裁定').map((item) => [item.caseType, item.number]), [['偵聲', 8]]);
  });

  it('the tail of a number wrapped onto the next line is not a year', () => {
    assert.deepEqual(shapes('經檢察官提起公訴（11\n2年度訴字第9號），本院判決如下').map((item) => item.year), []);
    assert.deepEqual(shapes('本院判決如下（見\n112年度訴字第9號判決）').map((item) => item.year), [112]);
  });
});

describe('more forms found in real texts', () => {
  it('大法官解釋第N號, and 第N號解釋 alone once the section has cited an interpretation', () => {
    assert.deepEqual(shapes('本院大法官解釋第二七一號曾表示意見，釋字第111號亦同。').map((item) => [item.caseType, item.number]), [['釋', 271], ['釋', 111]]);
    assert.deepEqual(shapes('釋字第100號之後，第二O一號解釋與第300號解釋理由書也談到。').map((item) => [item.text, item.number]), [['釋字第100號', 100], ['第二O一號解釋', 201], ['第300號解釋', 300]]);
    // Not before any interpretation, not after a heading, not a letter.
    assert.deepEqual(shapes('第300號解釋'), []);
    assert.deepEqual(shapes('釋字第100號\n\n# 另一節\n\n第300號解釋').map((item) => item.number), [100]);
    assert.deepEqual(shapes('釋字第100號；財政部第8號解釋函、第9號解釋令').map((item) => item.number), [100]);
  });

  it('the Judicial Yuan\'s database ids: 41_台上_1565', () => {
    assert.deepEqual(shapes('判例 52_台上_2001 與 60_台抗_12 都已停止適用').map((item) => [item.year, item.caseType, item.number]), [[52, '台上', 2001], [60, '台抗', 12]]);
    assert.deepEqual(shapes('file_台上_1.txt、x41_台上_1565、41_台上_1565a、112_偵_3'), []);
  });

  it('a 字別 with an enclosed numeral (重上更㈠) as FJUD writes it', () => {
    assert.deepEqual(shapes('臺灣高等法院臺南分院99年度重上更㈡字第3號判決').map((item) => [item.court, item.caseType, item.number]), [['臺灣高等法院臺南分院', '重上更㈡', 3]]);
  });
});
