// Realistic reference libraries for the bench and the tests: a Better BibTeX-style .bib (CJK and Latin
// titles, LaTeX accents and case protection, @string macros for journals and institutions, month macros,
// crossref children of proceedings, URLs with query strings and percent escapes, DOIs, keywords, Extra-style
// note lines) and a Zotero-style CSL-JSON export of the same items. Deterministic for a seed.
import type { CorpusRecord } from '../src/core/corpus/record';
import { generateCorpus, Rng } from './generateCorpus';

const FAMILY = ['Chen', 'Lin', 'Smith', 'Doe', 'Wang', 'Garcia', 'Berg', 'Tanaka', 'Müller', 'Šimić', 'Nuñez', 'Ørsted'];
const GIVEN = ['Wei', 'Mei', 'Jane', 'John', 'Anton', 'Claire', 'Hiro', 'Ana', 'José', 'Zoë'];
/** The same names as BibTeX writes them when it keeps ASCII. */
const FAMILY_TEX: Readonly<Record<string, string>> = { Müller: 'M{\\"u}ller', Šimić: '{\\v S}imi{\\\'c}', Nuñez: 'Nu{\\~n}ez', Ørsted: '{\\O}rsted' };
const GIVEN_TEX: Readonly<Record<string, string>> = { José: 'Jos{\\\'e}', Zoë: 'Zo{\\"e}' };
const PARTICLES = ['van der', 'de la', 'von'];
const CJK_BODIES = ['國家發展委員會', '數位發展部', '國家通訊傳播委員會', '行政院', '立法院法制局'];
const JOURNALS = [
  { macro: 'jlt', name: 'Journal of Law & Technology', tex: 'Journal of Law \\& Technology' },
  { macro: 'tlr', name: '臺大法學論叢', tex: '臺大法學論叢' },
  { macro: 'pol', name: 'Policy Review', tex: 'Policy Review' },
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CSL_TYPES: Readonly<Record<string, string>> = { law: 'legislation', report: 'report', article: 'article-newspaper', website: 'webpage', agreement: 'treaty', case: 'legal_case' };
const BIB_TYPES: Readonly<Record<string, string>> = { law: 'legislation', report: 'report', article: 'article', website: 'online', agreement: 'legal', case: 'jurisdiction' };

export interface GeneratedLibrary {
  readonly records: CorpusRecord[];
  readonly bibtex: string;
  readonly cslJson: string;
}

const isCjk = (text: string) => /[\u3400-\u9fff]/.test(text);

/** BibTeX text: braces dropped, the characters BibTeX treats specially escaped. */
const bibText = (text: string) => text.replace(/[{}\\]/g, '').replace(/([&%$#_])/g, '\\$1');

interface Person {
  readonly family: string;
  readonly given: string;
  readonly particle?: string;
}

function people(rng: Rng): Array<Person | { literal: string }> {
  return Array.from({ length: 1 + rng.int(3) }, () => {
    if (rng.int(6) === 0) return { literal: CJK_BODIES[rng.int(CJK_BODIES.length)]! };
    const particle = rng.int(8) === 0 ? PARTICLES[rng.int(PARTICLES.length)] : undefined;
    return { family: FAMILY[rng.int(FAMILY.length)]!, given: GIVEN[rng.int(GIVEN.length)]!, ...(particle ? { particle } : {}) };
  });
}

/** Better BibTeX's BibLaTeX export writes Unicode; an ASCII (BibTeX) export writes accents as LaTeX. */
function texName(person: Person | { literal: string }, ascii: boolean): string {
  if ('literal' in person) return `{${person.literal}}`;
  const family = ascii ? (FAMILY_TEX[person.family] ?? person.family) : person.family;
  const given = ascii ? (GIVEN_TEX[person.given] ?? person.given) : person.given;
  return person.particle ? `${person.particle} ${family}, ${given}` : `${family}, ${given}`;
}

function url(rng: Rng, index: number): string {
  switch (rng.int(4)) {
    case 0:
      return `https://example.org/items/${index}`;
    case 1:
      return `https://www.example.gov.tw/News_Content.aspx?n=${index}&sms=9_${rng.int(99)}`;
    case 2:
      return `https://example.com/docs/${index}/report%20final.pdf#page=${1 + rng.int(40)}`;
    default:
      return `https://law.example.tw/LawClass/LawAll.aspx?pcode=A${index}&tab=~all`;
  }
}

/** An English title as Better BibTeX writes it: acronyms case-protected, an en dash, an accent or an ampersand now and then. */
function texTitle(title: string, rng: Rng, ascii: boolean): string {
  let tex = bibText(title).replace(/\b([A-Z]{2,})\b/g, '{$1}');
  if (isCjk(title)) return tex;
  if (rng.int(5) === 0) tex += ', 2019--2024';
  if (rng.int(6) === 0) tex += ascii ? ': {\\"U}ber r{\\\'e}sum{\\\'e}s' : ': Über résumés';
  return tex;
}

export function generateLibrary(count: number, seed: number): GeneratedLibrary {
  const records = generateCorpus(count, { seed: seed + 21 });
  const rng = new Rng(seed + 22);
  const bib: string[] = [
    '% Encoding: UTF-8 (Better BibTeX)',
    ...JOURNALS.map((journal) => `@string{${journal.macro} = {${journal.tex}}}`),
    '@string{ndc = "國家發展委員會"}',
    '',
  ];
  const csl: Array<Record<string, unknown>> = [];
  let parent: string | undefined;
  records.forEach((record, index) => {
    const cjk = isCjk(record.title);
    const authors = people(rng);
    const date = (record.date ?? '2020-01-01').split('-').map(Number);
    const year = date[0]!;
    const month = date[1] ?? 1 + rng.int(12);
    const link = record.url ?? url(rng, index);
    const doi = rng.int(3) === 0 ? `10.5555/bench.${index}` : undefined;
    const journal = JOURNALS[rng.int(JOURNALS.length)]!;
    const key = `item${index}`;
    // One entry in five comes from an ASCII export (accents as LaTeX), as in a library merged from several sources.
    const ascii = rng.int(5) === 0;
    // Every 50th entry is a proceedings volume, and the next few papers cite it through crossref.
    const isParent = index % 50 === 0;
    const child = !isParent && parent !== undefined && index % 50 < 4;
    const bibType = isParent ? 'proceedings' : child ? 'inproceedings' : (BIB_TYPES[record.type] ?? 'report');
    const fields = [
      `title = {${texTitle(record.title, rng, ascii)}}`,
      ...(record.aliases[0] ? [`shorttitle = {${bibText(record.aliases[0])}}`] : []),
      `author = {${authors.map((person) => texName(person, ascii)).join(' and ')}}`,
      ...(child ? [`crossref = {${parent}}`] : bibType === 'article' ? [`journaltitle = ${journal.macro}`] : cjk && rng.int(2) === 0 ? ['institution = ndc'] : [`institution = {${bibText(record.publisher ?? 'Example Publisher')}}`]),
      ...(rng.int(2) === 0 ? [`date = {${record.date ?? year}}`] : [`year = ${year}`, `month = ${MONTHS[month - 1]}`]),
      `urldate = {2024-0${1 + rng.int(9)}-1${rng.int(10)}}`,
      `url = {${link}}`,
      ...(doi ? [`doi = {${doi}}`] : []),
      `keywords = {${bibText(record.tags.join(', '))}}`,
      `langid = {${cjk ? 'chinese-traditional' : 'english'}}`,
      ...(record.aliases.length > 1 ? [`note = {${record.aliases.slice(1).map((alias) => `alias: ${bibText(alias)}`).join('\n')}}`] : []),
    ];
    bib.push(`@${bibType}{${key},\n  ${fields.join(',\n  ')}\n}\n`);
    if (isParent) parent = key;
    csl.push({
      id: key,
      type: CSL_TYPES[record.type] ?? 'report',
      title: record.title,
      ...(record.aliases[0] ? { 'title-short': record.aliases[0] } : {}),
      author: authors.map((person) => ('literal' in person ? { literal: person.literal } : { family: person.family, given: person.given, ...(person.particle ? { 'non-dropping-particle': person.particle } : {}) })),
      'container-title': bibType === 'article' ? journal.name : (record.publisher ?? 'Example Publisher'),
      issued: { 'date-parts': [date.length >= 2 ? date : [year, month]] },
      accessed: { 'date-parts': [[2024, 1 + rng.int(12), 1 + rng.int(28)]] },
      URL: link,
      ...(doi ? { DOI: doi } : {}),
      abstract: record.summary.zh ?? record.summary.en ?? 'An abstract.',
      keywords: record.tags.join(', '),
      language: cjk ? 'zh-TW' : 'en',
      note: record.aliases.slice(1).map((alias) => `alias: ${alias}`).join('\n'),
    });
  });
  return { records, bibtex: bib.join('\n'), cslJson: JSON.stringify(csl, null, 2) };
}
