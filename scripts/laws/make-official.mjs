// Builds the national law database's official open-data files (ChLaw.json and ChOrder.json, zipped as
// published) from a split folder (index.json, FalVMingLing/<PCode>.json): the same laws in the official
// format, to measure `policy-annotator laws import` on a full edition. Not used by any test at run time.
//
//   node scripts/laws/make-official.mjs <split-folder> <out-folder>
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';

const [from, out] = process.argv.slice(2);
if (!from || !out) {
  console.error('usage: node scripts/laws/make-official.mjs <split-folder> <out-folder>');
  process.exit(2);
}
const read = (file) => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const updated = readFileSync(path.join(from, 'UpdateDate.txt'), 'utf8').trim();
const updateDate = `${updated.slice(0, 4)}/${Number(updated.slice(4, 6))}/${Number(updated.slice(6, 8))}`;
const editions = { 法律: [], 命令: [] };
for (const name of readdirSync(path.join(from, 'FalVMingLing')).sort()) {
  const law = read(path.join(from, 'FalVMingLing', name));
  const level = law['法規性質'] === '法律' || law['法規性質'] === '憲法' ? '法律' : '命令';
  editions[level].push({
    LawLevel: law['法規性質'] ?? '',
    LawName: law['法規名稱'],
    LawURL: law['法規網址'],
    LawCategory: law['法規類別'] ?? '',
    LawModifiedDate: law['最新異動日期'] ?? '',
    LawEffectiveDate: law['生效日期'] ?? '',
    LawEffectiveNote: law['生效內容'] ?? '',
    LawAbandonNote: law['廢止註記'] ?? '',
    LawHasEngVersion: law['是否英譯註記'] ?? 'N',
    EngLawName: law['英文法規名稱'] ?? '',
    LawAttachements: [],
    LawHistories: law['沿革內容'] ?? '',
    LawForeword: law['前言'] ?? '',
    LawArticles: (law['法規內容'] ?? []).map((item) =>
      item['條號'] !== undefined ? { ArticleType: 'A', ArticleNo: item['條號'], ArticleContent: item['條文內容'] ?? '' } : { ArticleType: 'C', ArticleNo: '', ArticleContent: item['編章節'] ?? '' },
    ),
  });
}
mkdirSync(out, { recursive: true });
for (const [level, file] of [['法律', 'ChLaw.json'], ['命令', 'ChOrder.json']]) {
  // The published files start with a byte-order mark.
  const text = `\uFEFF${JSON.stringify({ UpdateDate: updateDate, Laws: editions[level] })}`;
  writeFileSync(path.join(out, file), text);
  writeFileSync(path.join(out, `${file}.zip`), zipSync({ [file]: strToU8(text) }, { level: 6 }));
  console.log(`${file}: ${editions[level].length} laws`);
}
