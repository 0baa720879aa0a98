// Builds test/fixtures/statutes/eval-crossrefs.txt: a labelled sample of the cross-references in the national
// law database's own texts (public data), for npm run eval:statutes.
//   node scripts/laws/make-crossref-sample.mjs --from <unpacked folder> [--count 220]
// Each case is one line of one article, read as a document whose front matter says `law: <the law>`. The
// labels come from a labeller of its own, deliberately simpler than the detector, that only labels what it is
// sure of; a line with anything else is not sampled:
// - 第N條[之M][第N項][第N款] in Chinese numerals, preceded by 本法/本條例 (the law itself), by the exact official
//   name of a law (that law), by nothing name-like (依, 及, 、, start of line …: the law itself), or by a list
//   word right after another cite (the same law as that cite);
// - a bare cite after another law was named in the line is not labelled (民法第36條…、第38條 may be either);
// - lines with 同法, 該法, 同條, 前條, 前項, 至, 施行細則, brackets, a cite followed by 、 or 之 it does not read, or
//   any other 第…條 are skipped.
// The laws are taken in a fixed pseudo-random order (by a hash of the PCode), one line per law.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const from = argument('--from');
if (!from) {
  console.error('make-crossref-sample: pass --from <unpacked folder of tw-laws-*.tgz>');
  process.exit(2);
}
const count = Number(argument('--count') ?? 220);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const index = readJson(path.join(from, 'index.json'));
const names = new Map(index.map((entry) => [entry.name, entry.PCode]));

const DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function chinese(numeral) {
  let total = 0;
  let digit = 0;
  for (const char of numeral) {
    const unit = { 十: 10, 百: 100, 千: 1000 }[char];
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = DIGITS[char];
  }
  return total + digit;
}
const N = '[〇零一二三四五六七八九十百千]+';
const CITE = new RegExp(`第(${N})條(?:之(${N}))?(?:第(${N})項)?(?:第(${N})款)?`, 'g');
const SKIP = /同法|該法|同條|前條|前項|前二條|前三條|前開|上開|至|施行細則|[（(「《]|準用|各款|各項/;
const LIST = /^(、|及|與|和|或|以及|暨)$/;
const BARE = /(^|[，。；：、\s]|依|依照|依據|按|違反|及|或|與|和|於|除|經|如|照|並)$/;
const hash = (text) => [...text].reduce((value, char) => (Math.imul(value, 31) + char.charCodeAt(0)) >>> 0, 7);

function label(line, lawName) {
  const labels = [];
  let previousEnd = -1;
  let previousLaw;
  for (const match of line.matchAll(CITE)) {
    const after = line[match.index + match[0].length] ?? '';
    if (after === '、' || after === '之' || /[〇零一二三四五六七八九十]/.test(after)) return undefined;
    // 第二十四條第二項或第三項: a list below 條 is not labelled.
    if (new RegExp(`^(或|及|與|和|以及|暨)第${N}[項款目]`).test(line.slice(match.index + match[0].length))) return undefined;
    const before = line.slice(0, match.index);
    let law;
    const between = before.slice(previousEnd === -1 ? before.length : previousEnd);
    if (previousEnd !== -1 && LIST.test(between)) law = previousLaw;
    else {
      // Names first: 科學技術基本法 ends in 本法 and is not the law itself.
      const named = [...names.keys()].filter((name) => name.length >= 2 && before.endsWith(name)).sort((a, b) => b.length - a.length)[0];
      if (!named && /本(法|條例|通則)$/.test(before)) law = lawName;
      else if (named) {
        // A longer ideograph run ending in the name may be another name: only a clean boundary counts.
        const boundary = before.slice(0, before.length - named.length);
        if (!BARE.test(boundary) && boundary !== '') return undefined;
        law = named;
      } else if (BARE.test(before) && !labels.some((item) => item.startsWith('+'))) law = lawName;
      else return undefined;
    }
    const form = law === lawName ? 'crossref-context' : 'crossref-name';
    const levels = `${match[3] ? `.${chinese(match[3])}` : match[4] ? '.' : ''}${match[4] ? `.${chinese(match[4])}` : ''}`;
    labels.push(`${form === 'crossref-context' ? '' : '+'}${law} ${chinese(match[1])}${match[2] ? `-${chinese(match[2])}` : ''}${levels}`);
    previousEnd = match.index + match[0].length;
    previousLaw = law;
  }
  return labels.length > 0 ? labels : undefined;
}

const laws = index.filter((entry) => /(法|條例)$/.test(entry.name) && !/辦法$/.test(entry.name)).sort((a, b) => hash(a.PCode) - hash(b.PCode));
const cases = [];
for (const entry of laws) {
  if (cases.length >= count) break;
  let law;
  try {
    law = readJson(path.join(from, 'FalVMingLing', `${entry.PCode}.json`));
  } catch {
    continue;
  }
  if (law['廢止註記'] === '廢') continue;
  const lines = (law['法規內容'] ?? []).filter((item) => item['條文內容']).flatMap((item) => item['條文內容'].split(/\r?\n/));
  const candidates = lines.filter((line) => line.length <= 160 && line.includes('條') && !SKIP.test(line));
  for (const line of candidates.sort((a, b) => hash(a) - hash(b))) {
    const labels = label(line, entry.name);
    if (!labels) continue;
    cases.push(`---\\nlaw: ${entry.name}\\n---\\n\\n${line.trim()} => ${labels.join(' ; ')}`);
    break;
  }
}
const header = [
  '# Cross-references sampled from the national law database\'s own texts (public data, snapshot 2024-10-11),',
  '# built by scripts/laws/make-crossref-sample.mjs (read it for how the labels are made). Same format as',
  '# eval-explicit.txt; + marks a citation of another law by name; the others are the law itself (本法, bare 第N條).',
  '',
  '[crossref-context]',
];
writeFileSync(path.join(root, 'test', 'fixtures', 'statutes', 'eval-crossrefs.txt'), [...header, ...cases, ''].join('\n'));
console.log(`make-crossref-sample: ${cases.length} lines`);
