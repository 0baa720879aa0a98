import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCitationLine, parseLooseDate, type ParsedCitation, type TextSpan } from '../../src/core/article/citationLine';

// Fixtures written for these tests, in the shapes of the seed article's 資料來源 and 相關連結.
const BLETCHLEY_URL = 'https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration';
const COMMERCE_URL = 'https://www.commerce.gov/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety';
const PARLIAMENT_URL = 'https://questions-statements.parliament.uk/written-statements/detail/2024-04-16/hcws409';
const BLETCHLEY_TITLE = 'The Bletchley Declaration by Countries Attending the AI Safety Summit 1-2 November 2023';
const SEED_1 = `The Bletchley Declaration(2023, November 1), *${BLETCHLEY_TITLE}*, GOV.UK, <${BLETCHLEY_URL}> (last visit June 30, 2024).`;
const SEED_2 = `U.S. and UK Announce Partnership.(2024, April 1), *U.S. and UK Announce Partnership on Science of AI Safety*, U.S. Department of Commerce, <${COMMERCE_URL}> (last visit June 30, 2024).`;
const SEED_3 = `Michelle Donelan, *UK-US Partnership on AI safety research*, UK Parliament, April 16, 2024, <${PARLIAMENT_URL}> (last visit June 30, 2024).`;
const LINK_1 = `The Bletchley Declaration\\(2023, November 1\\), ${BLETCHLEY_TITLE}, GOV.UK`;
const LINK_2 = 'U.S. and UK Announce Partnership.\\(2024, April 1\\), U.S. and UK Announce Partnership on Science of AI Safety, U.S. Department of Commerce';
const LINK_3 = 'Michelle Donelan, UK-US Partnership on AI safety research, UK Parliament, April 16, 2024';

/** The span of the `nth` occurrence of `text` in `line` (UTF-16 offsets, like the parser's). */
function at(line: string, text: string, nth = 0): TextSpan {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = line.indexOf(text, start + 1);
  assert.ok(start >= 0, `fixture: ${JSON.stringify(text)} not in line`);
  return { text, start, end: start + text.length };
}

/** Every span lies within the line and is the line's own text. */
function assertSpans(line: string, result: ParsedCitation): void {
  const spans = [result.shortTitle, result.author, result.title, result.publisher, result.url, result.date?.span, result.lastVisit?.span];
  for (const span of spans) {
    if (!span) continue;
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= line.length, `span out of range: ${span.start}-${span.end}`);
    assert.equal(span.text, line.slice(span.start, span.end));
  }
}

function parse(line: string): ParsedCitation {
  const result = parseCitationLine(line);
  assertSpans(line, result);
  return result;
}

test('seed line 1: short title, date parenthesis, *title*, publisher, <url>, last visit', () => {
  assert.deepEqual(parse(SEED_1), {
    shortTitle: { text: 'The Bletchley Declaration', start: 0, end: 25 },
    date: { iso: '2023-11-01', span: { text: '2023, November 1', start: 26, end: 42 } },
    title: at(SEED_1, BLETCHLEY_TITLE, 0),
    publisher: at(SEED_1, 'GOV.UK'),
    url: at(SEED_1, BLETCHLEY_URL),
    lastVisit: { iso: '2024-06-30', span: at(SEED_1, '(last visit June 30, 2024)') },
  });
  assert.equal(at(SEED_1, BLETCHLEY_TITLE).start, 46); // the title's span, not the short title's
});

test("seed line 2: the short title's trailing '.' is trimmed, the publisher's 'U.S.' is not", () => {
  assert.deepEqual(parse(SEED_2), {
    shortTitle: at(SEED_2, 'U.S. and UK Announce Partnership'),
    date: { iso: '2024-04-01', span: at(SEED_2, '2024, April 1') },
    title: at(SEED_2, 'U.S. and UK Announce Partnership on Science of AI Safety'),
    publisher: at(SEED_2, 'U.S. Department of Commerce'),
    url: at(SEED_2, COMMERCE_URL),
    lastVisit: { iso: '2024-06-30', span: at(SEED_2, '(last visit June 30, 2024)') },
  });
});

test('seed line 3: "Author, *Title*" gives an author and no short title; the date is a bare segment', () => {
  assert.deepEqual(parse(SEED_3), {
    author: at(SEED_3, 'Michelle Donelan'),
    title: at(SEED_3, 'UK-US Partnership on AI safety research'),
    publisher: at(SEED_3, 'UK Parliament'),
    date: { iso: '2024-04-16', span: at(SEED_3, 'April 16, 2024') },
    url: at(SEED_3, PARLIAMENT_URL),
    lastVisit: { iso: '2024-06-30', span: at(SEED_3, '(last visit June 30, 2024)') },
  });
});

test('link text 1: escaped parentheses, unmarked title as the second segment', () => {
  assert.deepEqual(parse(LINK_1), {
    shortTitle: at(LINK_1, 'The Bletchley Declaration'),
    date: { iso: '2023-11-01', span: at(LINK_1, '2023, November 1') },
    title: at(LINK_1, BLETCHLEY_TITLE),
    publisher: at(LINK_1, 'GOV.UK'),
  });
});

test('link text 2: escaped parentheses after a trailing full stop', () => {
  assert.deepEqual(parse(LINK_2), {
    shortTitle: at(LINK_2, 'U.S. and UK Announce Partnership'),
    date: { iso: '2024-04-01', span: at(LINK_2, '2024, April 1') },
    title: at(LINK_2, 'U.S. and UK Announce Partnership on Science of AI Safety'),
    publisher: at(LINK_2, 'U.S. Department of Commerce'),
  });
});

test('link text 3: author, title, publisher, date', () => {
  assert.deepEqual(parse(LINK_3), {
    author: at(LINK_3, 'Michelle Donelan'),
    title: at(LINK_3, 'UK-US Partnership on AI safety research'),
    publisher: at(LINK_3, 'UK Parliament'),
    date: { iso: '2024-04-16', span: at(LINK_3, 'April 16, 2024') },
  });
});

test('a whole 相關連結 list item: the link around the citation is unwrapped', () => {
  for (const target of ['#', BLETCHLEY_URL]) {
    const line = `- [${LINK_1}](${target})`;
    const result = parse(line);
    assert.deepEqual(result.shortTitle, at(line, 'The Bletchley Declaration'));
    assert.deepEqual(result.title, at(line, BLETCHLEY_TITLE));
    assert.deepEqual(result.publisher, at(line, 'GOV.UK'));
    assert.equal(result.date?.iso, '2023-11-01');
    assert.deepEqual(result.url, target === '#' ? undefined : at(line, BLETCHLEY_URL));
  }
});

test('Chinese form: full-width punctuation, 《》 title, bare URL, 最後瀏覽日', () => {
  const line = '行政院（2024年4月1日），《人工智慧基本法草案》，行政院，https://www.ey.gov.tw/Page/9277F759E41CCD91（最後瀏覽日：2024年6月30日）。';
  assert.deepEqual(parse(line), {
    shortTitle: at(line, '行政院', 0),
    date: { iso: '2024-04-01', span: at(line, '2024年4月1日') },
    title: at(line, '人工智慧基本法草案'),
    publisher: at(line, '行政院', 1),
    url: at(line, 'https://www.ey.gov.tw/Page/9277F759E41CCD91'),
    lastVisit: { iso: '2024-06-30', span: at(line, '（最後瀏覽日：2024年6月30日）') },
  });
});

test('Chinese form with ROC years: 民國113年 and 瀏覽日期：113年 are 2024', () => {
  const line = '國家發展委員會（民國113年4月1日），「數位發展政策」，國家發展委員會，https://www.ndc.gov.tw/x（瀏覽日期：113年6月30日）';
  const result = parse(line);
  assert.deepEqual(result.shortTitle, at(line, '國家發展委員會', 0));
  assert.deepEqual(result.date, { iso: '2024-04-01', span: at(line, '民國113年4月1日') });
  assert.deepEqual(result.title, at(line, '數位發展政策'));
  assert.deepEqual(result.publisher, at(line, '國家發展委員會', 1));
  assert.deepEqual(result.url, at(line, 'https://www.ndc.gov.tw/x'));
  assert.deepEqual(result.lastVisit, { iso: '2024-06-30', span: at(line, '（瀏覽日期：113年6月30日）') });
});

test('English form with full-width punctuation', () => {
  const line = `The Bletchley Declaration（2023, November 1），*${BLETCHLEY_TITLE}*，GOV.UK，<${BLETCHLEY_URL}>（last visit June 30, 2024）。`;
  assert.deepEqual(parse(line), {
    shortTitle: at(line, 'The Bletchley Declaration'),
    date: { iso: '2023-11-01', span: at(line, '2023, November 1') },
    title: at(line, BLETCHLEY_TITLE),
    publisher: at(line, 'GOV.UK'),
    url: at(line, BLETCHLEY_URL),
    lastVisit: { iso: '2024-06-30', span: at(line, '（last visit June 30, 2024）') },
  });
});

const DATES: readonly (readonly [string, string])[] = [
  ['2024-04-01', '2024-04-01'],
  ['April 1, 2024', '2024-04-01'],
  ['1 April 2024', '2024-04-01'],
  ['2024, April 1', '2024-04-01'],
  ['Apr. 1, 2024', '2024-04-01'],
  ['2024年4月1日', '2024-04-01'],
  ['民國113年4月1日', '2024-04-01'],
  ['113年4月1日', '2024-04-01'],
  ['2024/4/1', '2024-04-01'],
  ['Sept. 30, 2024', '2024-09-30'],
  ['April 1st, 2024', '2024-04-01'],
  ['２０２４年４月１日', '2024-04-01'],
];

test('parseLooseDate: every written form of a day', () => {
  for (const [text, iso] of DATES) assert.equal(parseLooseDate(text), iso, text);
});

test('parseLooseDate: month or year only, wrapping tolerated, impossible dates rejected', () => {
  assert.equal(parseLooseDate('2024'), '2024');
  assert.equal(parseLooseDate('2024-04'), '2024-04');
  assert.equal(parseLooseDate('November 2023'), '2023-11');
  assert.equal(parseLooseDate('2024年4月'), '2024-04');
  assert.equal(parseLooseDate('113年'), '2024');
  assert.equal(parseLooseDate(' (2024, April 1). '), '2024-04-01');
  assert.equal(parseLooseDate('（2024年4月1日）'), '2024-04-01');
  for (const bad of ['2024-02-30', '2024-13-01', 'February 29, 2023', 'April 32, 2024', 'hello', '', 'April 2024 and more', '12345', '9 to 5']) {
    assert.equal(parseLooseDate(bad), undefined, bad);
  }
  assert.equal(parseLooseDate('February 29, 2024'), '2024-02-29');
});

test('every date form, in a date parenthesis and as a bare segment', () => {
  for (const [text, iso] of DATES) {
    const inParens = `Agency(${text}), *A Title*, Publisher`;
    assert.deepEqual(parse(inParens).date, { iso, span: at(inParens, text) }, inParens);
    assert.deepEqual(parse(inParens).shortTitle, at(inParens, 'Agency'), inParens);
    const bare = `Jane Doe, *A Title*, Publisher, ${text}, https://example.org/a`;
    const result = parse(bare);
    assert.deepEqual(result.date, { iso, span: at(bare, text) }, bare);
    assert.deepEqual(result.publisher, at(bare, 'Publisher'), bare);
    assert.deepEqual(result.author, at(bare, 'Jane Doe'), bare);
  }
});

test('a date inside a title is not the publication date', () => {
  const line = 'Jane Doe, Report of the Summit 1-2 November 2023, GOV.UK';
  const result = parse(line);
  assert.equal(result.date, undefined);
  assert.deepEqual(result.title, at(line, 'Report of the Summit 1-2 November 2023'));
});

test('last-visit variants', () => {
  const cases: readonly (readonly [string, string | undefined])[] = [
    ['(last visited June 30, 2024)', '2024-06-30'],
    ['(accessed 30 June 2024)', '2024-06-30'],
    ['(Accessed: Jun. 30, 2024)', '2024-06-30'],
    ['(visited on 2024-06-30)', '2024-06-30'],
    ['[Accessed 30 June 2024]', '2024-06-30'],
    ['（最後瀏覽日：2024年6月30日）', '2024-06-30'],
    ['（最後瀏覽日期：民國113年6月30日）', '2024-06-30'],
    ['（瀏覽日期：113年6月30日）', '2024-06-30'],
    ['(last visit)', undefined],
  ];
  for (const [note, iso] of cases) {
    const line = `Agency(2024, April 1), *A Title*, Publisher, <https://example.org/a> ${note}.`;
    const result = parse(line);
    assert.deepEqual(result.lastVisit, { ...(iso ? { iso } : {}), span: at(line, note) }, line);
    assert.deepEqual(result.url, at(line, 'https://example.org/a'), line);
    assert.deepEqual(result.publisher, at(line, 'Publisher'), line);
    assert.equal(result.date?.iso, '2024-04-01', line);
  }
});

test('"Retrieved …, from URL" (no brackets)', () => {
  const line = 'Doe, J. (2024, April 16). *A Title*. Publisher. Retrieved June 30, 2024, from https://example.org/a_(b).';
  assert.deepEqual(parse(line), {
    author: at(line, 'Doe, J.'),
    date: { iso: '2024-04-16', span: at(line, '2024, April 16') },
    title: at(line, 'A Title'),
    publisher: at(line, 'Publisher'),
    lastVisit: { iso: '2024-06-30', span: at(line, 'Retrieved June 30, 2024, from') },
    url: at(line, 'https://example.org/a_(b)'),
  });
});

test('last-visit words in prose are not a last-visit note; "Retrieved from URL" is one without a date', () => {
  const prose = 'Jane Doe, *Most Visited Sites*, Publisher, 2024';
  const result = parse(prose);
  assert.equal(result.lastVisit, undefined);
  assert.deepEqual(result.title, at(prose, 'Most Visited Sites'));
  const retrieved = 'Agency(2024, April 1), *A Title*, Publisher. Retrieved from https://example.org/a';
  assert.deepEqual(parse(retrieved).lastVisit, { span: at(retrieved, 'Retrieved from') });
  assert.deepEqual(parse(retrieved).url, at(retrieved, 'https://example.org/a'));
});

test('list markers and footnote labels before a citation are not part of the short title', () => {
  for (const lead of ['- ', '* ', '1. ', '[^1]: ', '[2] ']) {
    const line = lead + SEED_1;
    const result = parse(line);
    assert.deepEqual(result.shortTitle, at(line, 'The Bletchley Declaration'), line);
    assert.deepEqual(result.title, at(line, BLETCHLEY_TITLE), line);
  }
});

test('markdown-escaped marks are text, not title marks', () => {
  const line = 'Agency(2024, April 1), *A \\*Starred\\* Title*, Publisher';
  assert.deepEqual(parse(line).title, at(line, 'A \\*Starred\\* Title'));
  assert.deepEqual(parse(line).publisher, at(line, 'Publisher'));
});

test('URLs: bare with trailing punctuation, balanced parentheses, stopped by full-width text', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['Agency(2024), *T*, P, https://example.org/a?b=1&c=2.', 'https://example.org/a?b=1&c=2'],
    ['Agency(2024), *T*, P, https://en.wikipedia.org/wiki/AI_(disambiguation), (last visit June 30, 2024)', 'https://en.wikipedia.org/wiki/AI_(disambiguation)'],
    ['Agency(2024), *T*, P (see https://example.org/a)', 'https://example.org/a'],
    ['機關（2024），《T》，P，https://example.org/路徑，（最後瀏覽日：2024年6月30日）', 'https://example.org/'],
    ['機關（2024），《T》，P，https://example.org/a，（最後瀏覽日：2024年6月30日）', 'https://example.org/a'],
  ];
  for (const [line, url] of cases) assert.deepEqual(parse(line).url, at(line, url), line);
});

test('markdown links: [title](url) is the title and the URL; a URL as link text is only the URL', () => {
  const line = 'NIST, [AI Risk Management Framework](https://www.nist.gov/itl/ai-rmf), U.S. Department of Commerce, 2023-01-26 (accessed 1 April 2024)';
  assert.deepEqual(parse(line), {
    author: at(line, 'NIST'),
    title: at(line, 'AI Risk Management Framework'),
    url: at(line, 'https://www.nist.gov/itl/ai-rmf'),
    publisher: at(line, 'U.S. Department of Commerce'),
    date: { iso: '2023-01-26', span: at(line, '2023-01-26') },
    lastVisit: { iso: '2024-04-01', span: at(line, '(accessed 1 April 2024)') },
  });
  const linked = 'Agency(2024, April 1), *A Title*, Publisher, [https://example.org/a](https://example.org/a)';
  const result = parse(linked);
  assert.deepEqual(result.url, at(linked, 'https://example.org/a', 1));
  assert.deepEqual(result.publisher, at(linked, 'Publisher'));
});

test('title markers: * ** _ 《》 「」 『』 〈〉 “”', () => {
  for (const [open, close] of [['*', '*'], ['**', '**'], ['_', '_'], ['《', '》'], ['「', '」'], ['『', '』'], ['〈', '〉'], ['“', '”']]) {
    const line = `Agency(2024, April 1), ${open}A Full Title${close}, Publisher`;
    const result = parse(line);
    assert.deepEqual(result.title, at(line, 'A Full Title'), line);
    assert.deepEqual(result.shortTitle, at(line, 'Agency'), line);
    assert.deepEqual(result.publisher, at(line, 'Publisher'), line);
  }
});

test('the marked run that fills a segment is the title, not a quote inside the short title', () => {
  const line = '「AI」法案說明（2024年4月1日），《人工智慧基本法草案》，行政院';
  const result = parse(line);
  assert.deepEqual(result.title, at(line, '人工智慧基本法草案'));
  assert.deepEqual(result.shortTitle, at(line, '「AI」法案說明'));
  assert.deepEqual(result.publisher, at(line, '行政院'));
});

test('missing fields: each part alone, and lines with nothing in them', () => {
  const only = (line: string, expected: ParsedCitation) => assert.deepEqual(parse(line), expected, line);
  only('*Only A Title*', { title: { text: 'Only A Title', start: 1, end: 13 } });
  only('https://example.org/only', { url: { text: 'https://example.org/only', start: 0, end: 24 } });
  only('<https://example.org/only>', { url: { text: 'https://example.org/only', start: 1, end: 25 } });
  only('(2024, April 1)', { date: { iso: '2024-04-01', span: { text: '2024, April 1', start: 1, end: 14 } } });
  only('(last visit June 30, 2024)', { lastVisit: { iso: '2024-06-30', span: { text: '(last visit June 30, 2024)', start: 0, end: 26 } } });
  only('Just Some Title', { shortTitle: { text: 'Just Some Title', start: 0, end: 15 } });
  only('Some Title, Publisher', { shortTitle: { text: 'Some Title', start: 0, end: 10 }, publisher: { text: 'Publisher', start: 12, end: 21 } });
  const noTail = 'Agency(2024, April 1), *A Title*';
  only(noTail, { shortTitle: at(noTail, 'Agency'), date: { iso: '2024-04-01', span: at(noTail, '2024, April 1') }, title: at(noTail, 'A Title') });
  for (const empty of ['', '   ', ',,,,', '，，，', '()', '（）', '《》', '**', '<>', '[](#)', '。', '\\']) only(empty, {});
});

test('offsets are UTF-16 code units: CJK and emoji before and inside the fields', () => {
  const line = '📜🇹🇼 宣言 Declaration(2023, November 1), *標題 🤖 Title*, 英國政府 GOV.UK 🇬🇧, <https://example.org/😀> (last visit June 30, 2024).';
  const result = parse(line);
  assert.deepEqual(result, {
    shortTitle: at(line, '📜🇹🇼 宣言 Declaration'),
    date: { iso: '2023-11-01', span: at(line, '2023, November 1') },
    title: at(line, '標題 🤖 Title'),
    publisher: at(line, '英國政府 GOV.UK 🇬🇧'),
    url: at(line, 'https://example.org/😀'),
    lastVisit: { iso: '2024-06-30', span: at(line, '(last visit June 30, 2024)') },
  });
  assert.equal(result.date?.span.start, 22); // 3 emoji (6 code units) + 16 BMP characters before it
  assert.notEqual(result.date?.span.start, [...line.slice(0, 22)].length);
  const zh = '😀行政院（2024年4月1日），《人工智慧🤖基本法》，行政院，https://www.ey.gov.tw/x';
  const parsed = parse(zh);
  assert.deepEqual(parsed.title, at(zh, '人工智慧🤖基本法'));
  assert.deepEqual(parsed.publisher, at(zh, '行政院', 1));
  assert.deepEqual(parsed.url, at(zh, 'https://www.ey.gov.tw/x'));
});

test('never throws, and every span is the input text, on random mixes of the syntax', () => {
  const parts = ['(', ')', '（', '）', '\\(', '\\)', '*', '_', '《', '》', '「', '」', '[', ']', '](', '<', '>', ',', '，', '.', ' ', 'https://a.b/', '2024', '年', '4月', '1日', '113', 'April', ' 1, ', 'last visit', '最後瀏覽日：', 'Title', '😀', '行政院', '\u0000', '\uD800', '-', '/'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % parts.length;
  for (let i = 0; i < 3000; i++) {
    const line = Array.from({ length: 1 + (i % 40) }, () => parts[next()]).join('');
    assert.doesNotThrow(() => parse(line), line);
  }
  assert.deepEqual(parseCitationLine(undefined as unknown as string), {});
  assert.equal(parseLooseDate(null as unknown as string), undefined);
});

// CPU time, so another busy process on the machine cannot fail the test; a quadratic blow-up would take minutes.
test('pathological inputs finish fast (linear-time expressions)', () => {
  const n = 100_000;
  const fill = (unit: string, length = n) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const inputs: readonly (readonly [string, string])[] = [
    ['(', fill('(')],
    ['*', fill('*')],
    ['<', fill('<')],
    [',', fill(',')],
    ['\\', fill('\\')],
    ['_', fill('_')],
    ['[', fill('[')],
    ['《', fill('《')],
    ['"', fill('"')],
    ['spaces then x', fill(' ') + 'x'],
    ['digits', fill('1')],
    ['(((2024, ', fill('(((2024, ')],
    ['[a](', fill('[a](')],
    ['*a ', fill('*a ')],
    ['April 1 + spaces', 'April 1' + fill(' ') + ', 2024'],
    ['2024, + spaces', '2024,' + fill(' ') + 'April'],
    ['url + )', 'https://a.b/' + fill(')')],
    ['url + .', 'https://a.b/' + fill('.')],
    ['(last visit ', fill('(last visit ')],
    ['113年', fill('113年')],
    ['Agency(2024), ', fill('Agency(2024), ')],
    ['link text of spaces', '[' + fill(' ') + '](https://x.y)'],
    ['<https://', fill('<https://')],
    ['[a](bbb', fill('[a](bbbbbbbbbbbbbbbb')],
    ['_a_b', fill('_a_b')],
    ['url + (', 'https://a.b/' + fill('(')],
    ['(last visit + spaces', '(last visit' + fill(' ')],
    ['visited ', fill('visited ')],
    ['lone surrogates', fill('\uD800')],
    ['1 MB seed lines', fill(SEED_1 + ' ', 1_000_000)],
    ['1 MB Chinese', fill('行政院（2024年4月1日），《人工智慧》，', 1_000_000)],
    ['1 MB words', fill('a ', 1_000_000)],
  ];
  for (const [name, input] of inputs) {
    const started = process.cpuUsage();
    const result = parseCitationLine(input);
    const { user, system } = process.cpuUsage(started);
    const elapsed = (user + system) / 1000;
    assertSpans(input, result);
    assert.ok(elapsed < (input.length > n ? 1000 : 500), `${name}: ${elapsed.toFixed(0)} ms`);
  }
});
