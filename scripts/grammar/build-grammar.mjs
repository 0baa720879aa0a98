// Builds syntaxes/policy-markdown.injection.tmLanguage.json from the readable regex pieces below.
// The JSON is committed (VS Code reads it as is); `node scripts/grammar/run-tests.mjs` fails when it is
// not what this script writes, so edit here and run `node scripts/grammar/build-grammar.mjs`.
//
// Regexes are Oniguruma (what VS Code runs). Every repetition is bounded or runs over a class that
// stops at the construct's own delimiter, so no pattern backtracks more than a few dozen characters.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const grammarPath = path.join(repoRoot, 'syntaxes/policy-markdown.injection.tmLanguage.json');

/** The scope name package.json contributes the grammar under (contributes.grammars[].scopeName). */
export const SCOPE_NAME = 'policy-annotator.markdown.injection';

// Only where Markdown itself tokenises inline text (paragraphs, list items and quotes hold paragraphs,
// headings, table cells), never at the top level: an `L:` match there would pre-empt Markdown's block rules.
// Code spans, HTML comments and embedded languages are left alone.
const EXCLUDED = '(markup.inline.raw | markup.fenced_code | markup.raw | comment | meta.embedded | markup.math)';
const INJECTION_SELECTOR = ['meta.paragraph.markdown', 'markup.heading.markdown', 'markup.table.markdown']
  .map((scope) => `L:${scope} - ${EXCLUDED}`)
  .join(', ');

// ---------------------------------------------------------------------------------------------------
// Shared pieces
const DIGIT = '[0-9０-９]';
const NO_DIGIT_AFTER = '(?![0-9０-９])';
// What may not come right before a date: a digit (2113年 is no 113年), and for numeric dates anything of a
// number, word, path or URL ("detail/2024-04-16/"): ASCII only, CJK may touch a date.
const DIGIT_OR_DOT = '[0-9０-９.]';
const TOKEN_CHAR = '[0-9A-Za-z_/.\\-]';
/**
 * `first` (one character) not preceded by `notBefore`. The look-behind comes after the first character
 * on purpose: a pattern that starts with a look-behind cannot skip ahead to its first character, and
 * these patterns are searched on every paragraph line.
 */
const guarded = (first, notBefore) => `${first}(?<!${notBefore}${first})`;
const gregorianYear = (notBefore) => `(?:${guarded('1', notBefore)}[89]|${guarded('2', notBefore)}0)[0-9]{2}`;
const HAN_NUMERAL = '[〇零一二三四五六七八九十百千兩]';
const NUMBER = `(?:${DIGIT}{1,4}|${HAN_NUMERAL}{1,8})`;
const MONTH_DAY = `(?:${DIGIT}{1,2}|[一二三四五六七八九十]{1,3})`;
const MONTH_AND_DAY = `(?:${MONTH_DAY}月(?:${MONTH_DAY}[日號])?)`;
const GREGORIAN_YEAR = '(?:1[89]|20)[0-9]{2}';
const MONTH_NAME_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_NAME = `(?:${MONTH_NAME_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![A-Za-z])`;
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?(?![0-9A-Za-z])';
const SPACE = '[ \\t]';

const VISIT_LABEL_ZH = '最後瀏覽日期|最後瀏覽時間|最後瀏覽日|最後瀏覽|最後造訪日期|最後造訪日|瀏覽日期|瀏覽日|造訪日期|檢索日期|擷取日期|查閱日期|上網日期';
const VISIT_LABEL_EN = `(?i:(?:last${SPACE}{1,3}(?:visited|visit|accessed|viewed)|accessed|retrieved|visited|viewed)(?:${SPACE}{1,3}(?:on|from))?)(?![A-Za-z])`;

// The section names src/core/article/sections.ts recognises (it ignores case; here lower, Title and UPPER
// case, because a case-insensitive group makes Oniguruma try every position of every line).
const capitalise = (word) => word[0].toUpperCase() + word.slice(1);
const anyCase = (...names) =>
  names.flatMap((name) => [...new Set([name, capitalise(name), name.split(' ').map(capitalise).join(' '), name.toUpperCase()])]);
const SECTIONS = {
  'related-links': ['相關連結', '相關鏈結', '相關網站', '相關網址', ...anyCase('related links', 'links').map((name) => name.replace(' ', '[ \\t]{1,3}'))],
  sources: ['資料來源', '參考資料', '參考文獻', '資料出處', '來源', ...anyCase('sources', 'source', 'references', 'bibliography')],
  tags: ['文章標籤', '標籤', '關鍵字', ...anyCase('tags', 'keywords')],
};

// Statutes: 第6條, 第6至8條, 第28條之1, 第六條, then 項/款/目 parts, then ranges and lists of more.
const ARTICLE = `第${SPACE}?${NUMBER}(?:${SPACE}?(?:至|、|~|～|-|－)${SPACE}?${NUMBER}){0,6}${SPACE}?條(?:之${NUMBER})?`;
const PART = `(?:第${SPACE}?${NUMBER}${SPACE}?[項款目](?:之${NUMBER})?|前段|後段|但書|本文)`;
const LOCATOR = `${ARTICLE}${PART}{0,4}`;
const STATUTE_LIST = `${LOCATOR}(?:${SPACE}?(?:至|到|、|及|或|與|和)${SPACE}?(?:${LOCATOR}|${PART}{1,4})){0,8}`;

// Bilingual terms: a run of Han characters (middle dots between them for names such as 蜜雪兒·多尼蘭)
// right before a parenthesis of Latin text. Where the term starts is a guess: the run stops at
// punctuation, at a few function characters (的 之 和 與 …) and at a statute reference, and takes at
// most 12 characters.
// (Starting with a character class, not a look-ahead, lets the search skip non-Han text quickly.)
/** The character right before a gloss: a Chinese character that can end a term (not a particle, not 條 of 第六條). */
const TERM_CHAR_BEFORE_GLOSS = `[\\p{Han}&&[^的之和與及或在於將讓並對把被即係條]]`;
const GLOSS = `(?!(?i:(?:last${SPACE}{1,3})?(?:visited|visit|accessed|viewed|retrieved))(?![A-Za-z]))[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9 .,'’&/+:;\\-–]{0,100}`;

const CITATION_KEY = '[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&+?<>~/\\-](?=[A-Za-z0-9_]))*';
const BRACKET_CHAR = '(?:[^\\[\\]\\\\\\n]|\\\\.)';

// ---------------------------------------------------------------------------------------------------
const date = (comment, match, calendar) => ({ comment, match, name: `constant.numeric.date.${calendar}.policy` });

const repository = {
  'section-title': {
    comment: 'A 相關連結 / 資料來源 / 文章標籤 section title: a heading, a bold line or a bare line, with or without a colon',
    patterns: Object.entries(SECTIONS).map(([kind, names]) => ({
      // The name first, then a look-behind over the line's start: a look-behind first would run at every
      // position of every line (this regex is searched on each paragraph line).
      match:
        `(${names.join('|')})(?<=^[ ]{0,3}(?:#{1,6}${SPACE}{1,8})?(?:\\*\\*|__)?(?:${names.join('|')}))(?:${SPACE}{0,4}([:：]))?` +
        `(?=(?:\\*\\*|__)?${SPACE}*(?:[:：]${SPACE}*)?(?:#+${SPACE}*)?$)`,
      name: 'markup.heading.section.policy',
      captures: { 1: { name: `entity.name.section.${kind}.policy` }, 2: { name: 'punctuation.separator.section.policy' } },
    })),
  },
  'placeholder-link': {
    comment: 'A link still waiting for its URL: [text](#) or [text](). Matched from "[" (as Markdown matches links) so it wins.',
    // Brackets nest one level deep in the text, so a failed attempt stops at the first deeper bracket
    // instead of running to the end of the line (Markdown's own link rule recurses).
    match: `(\\[)((?>(?:${BRACKET_CHAR}|\\[${BRACKET_CHAR}{0,200}\\]){0,500}))(\\])((\\()[ \\t]*(#?)[ \\t]*(\\)))`,
    name: 'meta.link.inline.markdown meta.link.placeholder.policy',
    captures: {
      1: { name: 'punctuation.definition.link.title.begin.markdown' },
      2: {
        name: 'string.other.link.title.markdown',
        patterns: ['raw', 'bold', 'italic', 'strikethrough', 'image-inline'].map((rule) => ({ include: `text.html.markdown#${rule}` })),
      },
      3: { name: 'punctuation.definition.link.title.end.markdown' },
      4: { name: 'markup.underline.link.placeholder.policy' },
      5: { name: 'punctuation.definition.metadata.markdown' },
      6: { name: 'invalid.deprecated.placeholder-link.policy' },
      7: { name: 'punctuation.definition.metadata.markdown' },
    },
  },
  citation: {
    comment: 'Pandoc citations: [@id], [@id, p. 3], [see @a; @b], [-@id]; not [@x](url) or [@x][ref], which are links',
    match: `(\\[)(${BRACKET_CHAR}*?(?<=[\\[\\s;])-?@[A-Za-z0-9_]${BRACKET_CHAR}*+)(\\])(?![(\\[])`,
    name: 'meta.citation.policy',
    captures: {
      1: { name: 'punctuation.definition.citation.begin.policy' },
      2: { patterns: [{ include: '#citation-item' }] },
      3: { name: 'punctuation.definition.citation.end.policy' },
    },
  },
  'citation-item': {
    patterns: [
      {
        match: `(?<=[\\[\\s;])(-)?(@)(${CITATION_KEY})`,
        captures: {
          1: { name: 'keyword.operator.suppress-author.policy' },
          2: { name: 'punctuation.definition.citation-key.policy' },
          3: { name: 'constant.other.reference.citation-key.policy' },
        },
      },
      { match: ';', name: 'punctuation.separator.citation.policy' },
      {
        match: '(,)[ \\t]*([^;\\]]*?)(?=[ \\t]*(?:;|$))',
        captures: { 1: { name: 'punctuation.separator.locator.policy' }, 2: { name: 'meta.citation.locator.policy' } },
      },
    ],
  },
  'last-visit': {
    comment: '（最後瀏覽日：113年6月30日）, (last visit June 30, 2024), (accessed 2024-06-30); and a bare 最後瀏覽日期 label',
    patterns: [
      // English labels are common words ("visited Paris"), so their parenthesis must go on with a date.
      ...[VISIT_LABEL_ZH, `${VISIT_LABEL_EN}(?=${SPACE}*[:：]?${SPACE}*(?:${DIGIT}|${MONTH_NAME}))`].map((label) => ({
        match: `(（|\\()${SPACE}*(${label})${SPACE}*([:：])?${SPACE}*([^（）()\\n]{0,60}?)${SPACE}*([）)])`,
        name: 'meta.last-visit.policy',
        captures: {
          1: { name: 'punctuation.definition.last-visit.begin.policy' },
          2: { name: 'keyword.other.last-visit.policy' },
          3: { name: 'punctuation.separator.key-value.policy' },
          4: { name: 'meta.last-visit.date.policy', patterns: [{ include: '#date' }] },
          5: { name: 'punctuation.definition.last-visit.end.policy' },
        },
      })),
      {
        match: `(最後瀏覽日期|最後瀏覽時間|最後瀏覽日|最後造訪日期|最後造訪日|檢索日期|擷取日期|查閱日期|上網日期)${SPACE}*([:：])?`,
        captures: { 1: { name: 'keyword.other.last-visit.policy' }, 2: { name: 'punctuation.separator.key-value.policy' } },
      },
    ],
  },
  statute: {
    comment: 'Statute references: 《個人資料保護法》第6條第1項第2款, 「民法」第28條之1, 第六條, 第6條至第8條, 同法第5條, 同條第2項',
    patterns: [
      {
        match: `(?:([《「『])([^《》「」『』\\n]{1,40})([》」』])${SPACE}?|(同法|本法|該法))?(${STATUTE_LIST})`,
        name: 'meta.statute-reference.policy',
        captures: {
          1: { name: 'punctuation.definition.statute.begin.policy' },
          2: { name: 'entity.name.type.statute.policy' },
          3: { name: 'punctuation.definition.statute.end.policy' },
          4: { name: 'variable.language.statute.policy' },
          5: { name: 'support.type.statute.policy' },
        },
      },
      {
        match: `(同條|本條|前條|同項|本項)(${PART}{1,4})`,
        name: 'meta.statute-reference.policy',
        captures: { 1: { name: 'variable.language.statute.policy' }, 2: { name: 'support.type.statute.policy' } },
      },
    ],
  },
  date: {
    comment: 'Dates: ROC (民國113年, 113年7月1日, 113/07/01) and Gregorian (2024年4月1日, 2024-04-01, June 30, 2024)',
    patterns: [
      date('民國113年7月1日, 民國一百一十三年, 民國前1年', `民國前?(?:${DIGIT}{1,3}|元|${HAN_NUMERAL}{1,6})年度?${MONTH_AND_DAY}?`, 'roc'),
      date('113年7月, 99年12月31日: two or three digits with a month', `${guarded(DIGIT, DIGIT_OR_DOT)}${DIGIT}{1,2}年${DIGIT}{1,2}月(?:${DIGIT}{1,2}[日號])?`, 'roc'),
      date('113年, 113年度: a bare year only for 100–149 (a bare 50年 may be fifty years)', `${guarded('[1１]', DIGIT_OR_DOT)}[0-4０-４]${DIGIT}年度?`, 'roc'),
      date('113/07/01, 113.07.01: three-digit years only (99/12/31 could be American)', `${guarded('1', TOKEN_CHAR)}[0-4][0-9](?:/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12][0-9]|3[01])(?![0-9/])|\\.(?:0[1-9]|1[0-2])\\.(?:0[1-9]|[12][0-9]|3[01])(?![0-9A-Za-z]|\\.[0-9]))`, 'roc'),
      date('2024年4月1日, 2024年07月, 2024年, 2024年度', `${gregorianYear('[0-9０-９]')}年(?:${DIGIT}{1,2}月(?:${DIGIT}{1,2}[日號])?|度)?`, 'gregorian'),
      date('2024-04-01, 2024/4/1, 2024.4.1 (one separator throughout; not inside a URL path)', `${gregorianYear(TOKEN_CHAR)}([-/.])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12][0-9]|3[01])(?![0-9A-Za-z_/]|[-.][0-9])`, 'gregorian'),
      date('June 30, 2024 and Jun. 30th 2024', `${MONTH_NAME}${SPACE}{1,3}${DAY},?${SPACE}{1,3}${GREGORIAN_YEAR}${NO_DIGIT_AFTER}`, 'gregorian'),
      date('30 June 2024', `${guarded('[0-9]', '[0-9A-Za-z]')}[0-9]?(?:st|nd|rd|th)?${SPACE}{1,3}${MONTH_NAME},?${SPACE}{1,3}${GREGORIAN_YEAR}${NO_DIGIT_AFTER}`, 'gregorian'),
      date('2024, April 1 (the APA date of a citation line)', `${gregorianYear('[0-9A-Za-z]')},${SPACE}{0,3}${MONTH_NAME}(?:${SPACE}{1,3}${DAY})?`, 'gregorian'),
      date('April 2024 (full month names only)', `(?:${MONTH_NAME_FULL})${SPACE}{1,3}${GREGORIAN_YEAR}${NO_DIGIT_AFTER}`, 'gregorian'),
    ],
  },
  'bilingual-term': {
    comment:
      '中文（English）: only the parenthesised English is coloured. A TextMate pattern cannot know where a Chinese word starts (承認先進人工智慧（frontier AI） would colour 承認 too), so the Chinese term is left to the editor, which knows the resolved reference.',
    match: `(?<=${TERM_CHAR_BEFORE_GLOSS})([（(])(${GLOSS})([）)])`,
    name: 'meta.term.bilingual.policy',
    captures: {
      1: { name: 'punctuation.definition.term.begin.policy' },
      2: { name: 'string.other.term.gloss.policy' },
      3: { name: 'punctuation.definition.term.end.policy' },
    },
  },
};

/** The grammar object. Pattern order settles ties at one position: section titles and links first. */
export function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    comment: 'Generated by scripts/grammar/build-grammar.mjs; edit that and run it. Tests: npm run test:grammar.',
    name: 'Policy Annotator Markdown additions',
    scopeName: SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    patterns: ['section-title', 'placeholder-link', 'citation', 'last-visit', 'statute', 'date', 'bilingual-term'].map((rule) => ({ include: `#${rule}` })),
    repository,
  };
}

export const grammarText = () => JSON.stringify(buildGrammar(), null, 2) + '\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = grammarText();
  const current = (() => {
    try {
      return readFileSync(grammarPath, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (current === text) console.log(`${path.relative(repoRoot, grammarPath)} is up to date`);
  else {
    writeFileSync(grammarPath, text);
    console.log(`wrote ${path.relative(repoRoot, grammarPath)}`);
  }
}
