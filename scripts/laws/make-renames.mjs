// Builds laws/embedded/renames.json from the national law database snapshot: which old names a law was known
// by, and which law replaced an abolished one, both read from the database's own history (沿革內容).
//   node scripts/laws/make-renames.mjs --from <unpacked folder>
// Two rules, both from the data (nothing is listed by hand):
// 1. Renamed: a history entry that says （原名稱：X；新名稱：Y） or （原名稱：X） gives the old name X of the law,
//    with the date of that entry. An old name that is also a law's current name, or that two laws claim, is
//    left out.
// 2. Replaced: an abolished law (廢止註記 廢) whose abolition was promulgated on the very day another law was
//    first promulgated (制定公布), when the abolished law's name, without its kind (法, 條例 …), is a
//    subsequence of the other's name and exactly one law qualifies (遺產稅法 → 遺產及贈與稅法, 1973-02-06).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const fromIndex = process.argv.indexOf('--from');
const from = fromIndex === -1 ? undefined : process.argv[fromIndex + 1];
if (!from) {
  console.error('make-renames: pass --from <unpacked folder of tw-laws-*.tgz>');
  process.exit(2);
}
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));

const DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function chinese(numeral) {
  let total = 0;
  let digit = 0;
  for (const char of numeral) {
    const unit = char === '十' ? 10 : char === '百' ? 100 : 0;
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = DIGITS[char] ?? 0;
  }
  return total + digit;
}
const DATE = /中華民國\s*([〇零一二三四五六七八九十百]+)\s*年\s*([〇零一二三四五六七八九十]+)\s*月\s*([〇零一二三四五六七八九十]+)\s*日/;
function isoOf(entry) {
  const match = DATE.exec(entry);
  if (!match) return undefined;
  const pad = (value) => String(value).padStart(2, '0');
  return `${chinese(match[1]) + 1911}${pad(chinese(match[2]))}${pad(chinese(match[3]))}`;
}
/** The text after 原名稱： up to its closing bracket or ；, brackets inside the name kept balanced. */
function oldNameAfter(text, start) {
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const char = text[end];
    if (char === '（' || char === '(') depth++;
    else if (char === '）' || char === ')') {
      if (depth === 0) break;
      depth--;
    } else if (char === '；' || char === ';' || char === '\n' || char === '\r') break;
  }
  return text.slice(start, end).replace(/\s+/g, '');
}
const KIND = /(法|條例|通則|律|辦法|細則|規則|準則|規程|綱要|標準)$/;
function isSubsequence(short, long) {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

const index = readJson(path.join(from, 'index.json'));
const currentNames = new Set(index.map((entry) => entry.name));
const renamedClaims = new Map();
const abolished = [];
const enactedOn = new Map();
for (const file of readdirSync(path.join(from, 'FalVMingLing'))) {
  const law = readJson(path.join(from, 'FalVMingLing', file));
  const pcode = file.replace(/\.json$/, '');
  const history = (law['沿革內容'] ?? '').replace(/\r/g, '');
  const entries = history.split(/\n(?=\s*\d+\s*\.)/);
  for (const entry of entries) {
    const flat = entry.replace(/\n\s*/g, '');
    for (let at = flat.indexOf('原名稱'); at !== -1; at = flat.indexOf('原名稱', at + 3)) {
      const colon = flat.indexOf('：', at);
      if (colon === -1 || colon > at + 4) continue;
      const old = oldNameAfter(flat, colon + 1);
      if (old.length < 3 || !KIND.test(old) || /[（(]/.test(old) !== /[）)]/.test(old)) continue;
      const claims = renamedClaims.get(old) ?? new Map();
      claims.set(pcode, isoOf(flat) ?? '');
      renamedClaims.set(old, claims);
    }
  }
  const first = entries[0]?.replace(/\n\s*/g, '') ?? '';
  if (/制定公布/.test(first) && isoOf(first)) enactedOn.set(isoOf(first), [...(enactedOn.get(isoOf(first)) ?? []), { pcode, name: law['法規名稱'] }]);
  if (law['廢止註記'] === '廢') {
    const abolition = entries.map((entry) => entry.replace(/\n\s*/g, '')).find((entry) => /公布廢止|發布廢止|廢止/.test(entry));
    if (abolition && isoOf(abolition)) abolished.push({ pcode, name: law['法規名稱'], date: isoOf(abolition) });
  }
}

const renamed = [];
for (const [old, claims] of renamedClaims) {
  if (currentNames.has(old) || claims.size !== 1) continue;
  const [[pcode, date]] = [...claims];
  renamed.push({ old, pcode, date });
}
const replaced = [];
for (const law of abolished) {
  const kind = KIND.exec(law.name)?.[1];
  if (!kind) continue;
  const stem = law.name.slice(0, -kind.length);
  const successors = (enactedOn.get(law.date) ?? []).filter((other) => other.pcode !== law.pcode && other.name.endsWith(kind) && isSubsequence(stem, other.name.slice(0, -kind.length)));
  if (successors.length === 1) replaced.push({ old: law.name, oldPcode: law.pcode, pcode: successors[0].pcode, date: law.date });
}
renamed.sort((a, b) => a.old.localeCompare(b.old));
replaced.sort((a, b) => a.old.localeCompare(b.old));
const out = path.join(root, 'laws', 'embedded', 'renames.json');
writeFileSync(out, JSON.stringify({ source: 'history (沿革內容) of the national law database snapshot', renamed, replaced }) + '\n');
console.log(`make-renames: ${renamed.length} old names, ${replaced.length} replaced laws → ${path.relative(root, out)}`);
