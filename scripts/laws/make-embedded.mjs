// Builds laws/embedded/ (the law data shipped with the extension) from the national law database snapshot:
//   node scripts/laws/make-embedded.mjs --tgz <tw-laws-*.tgz> | --from <unpacked folder>
// Nothing is read from outside the repository unless named here, and laws/embedded/ is replaced only after
// every input has been read and checked.
// The whole index of names (index.json, aliases.json) is kept, so every law's name is recognised with nothing
// configured; only the laws listed below ship their articles (FalVMingLing/<PCode>.json, copied byte for byte).
// manifest.json records which laws and their sizes. The files are data read at run time, never bundled.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const EMBEDDED_LAWS = [
  'I0050021', // 個人資料保護法
  'I0050022', // 個人資料保護法施行細則
  'A0030297', // 資通安全管理法
  'A0030303', // 資通安全管理法施行細則
  'H0160028', // 科學技術基本法
  'J0080037', // 電子簽章法
  'I0020026', // 政府資訊公開法
  'J0080028', // 營業秘密法
  'K0060044', // 通訊保障及監察法
  'J0070017', // 著作權法
  'A0000001', // 中華民國憲法
];

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
let from = argument('--from');
let unpacked;
if (!from) {
  const tgz = argument('--tgz');
  if (!tgz || !existsSync(tgz)) {
    console.error(tgz ? `make-embedded: no file at ${tgz}` : 'make-embedded: pass --tgz <tw-laws-*.tgz> or --from <unpacked folder>');
    process.exit(2);
  }
  unpacked = mkdtempSync(path.join(os.tmpdir(), 'tw-laws-'));
  execFileSync('tar', ['xzf', tgz, '-C', unpacked]);
  from = unpacked;
}

const fail = (message) => {
  console.error(`make-embedded: ${message}; laws/embedded/ left as it was`);
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  process.exit(2);
};
const read = (name) => {
  const file = path.join(from, name);
  if (!existsSync(file)) fail(`${name} is missing in ${from}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fail(`${name} is not valid JSON`);
  }
};
// Every input is read and checked first: a wrong folder must not leave laws/embedded/ empty.
const index = read('index.json');
if (!Array.isArray(index) || index.length === 0 || !index.every((entry) => typeof entry?.PCode === 'string' && typeof entry?.name === 'string')) {
  fail('index.json is not a list of { PCode, name }');
}
const aliases = read('aliases.json');
if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) fail('aliases.json is not an object');
const laws = EMBEDDED_LAWS.map((pcode) => {
  const entry = index.find((candidate) => candidate.PCode === pcode);
  if (!entry) fail(`${pcode} is not in the snapshot's index.json`);
  const source = path.join(from, 'FalVMingLing', `${pcode}.json`);
  if (!existsSync(source)) fail(`FalVMingLing/${pcode}.json is missing`);
  read(path.join('FalVMingLing', `${pcode}.json`));
  return { pcode, name: entry.name, bytes: statSync(source).size, source };
});
const snapshot = existsSync(path.join(from, 'UpdateDate.txt')) ? readFileSync(path.join(from, 'UpdateDate.txt'), 'utf8').trim() : null;
const out = path.join(root, 'laws', 'embedded');
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'FalVMingLing'), { recursive: true });
// One law a line: small diffs when the snapshot is updated.
writeFileSync(path.join(out, 'index.json'), `[\n${index.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
copyFileSync(path.join(from, 'aliases.json'), path.join(out, 'aliases.json'));
for (const law of laws) {
  copyFileSync(law.source, path.join(out, 'FalVMingLing', `${law.pcode}.json`));
  delete law.source;
}
const manifest = { source: '全國法規資料庫 (law.moj.gov.tw), per-law JSON of mojLawSplitJSON', snapshot, laws };
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
if (unpacked) rmSync(unpacked, { recursive: true, force: true });
const total = laws.reduce((sum, law) => sum + law.bytes, 0);
console.log(`laws/embedded: ${index.length} law names, ${laws.length} law texts (${(total / 1024).toFixed(0)} KB)`);
for (const law of laws) console.log(`  ${law.pcode}  ${String(law.bytes).padStart(7)} B  ${law.name}`);
