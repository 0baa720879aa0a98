import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { decodeJson, fileName, type LawProblem } from './lawFiles';
import { PCODE } from './lawIndex';

/**
 * The national law database's official open-data download (全國法規資料庫, 法律 ChLaw.json and 命令
 * ChOrder.json, published zipped): `{ UpdateDate: "2024/10/11", Laws: [{ LawName, LawURL (…?pcode=…),
 * LawModifiedDate (YYYYMMDD), LawAbandonNote ("廢" or ""), EngLawName, LawArticles: [{ ArticleType ("A"
 * an article, "C" a chapter heading), ArticleNo ("第 1-1 條"), ArticleContent }] }] }`. The field names were
 * checked against public code that reads the file (see README, "The law database from the official open
 * data"). It is converted once into the split folder format LawLibrary reads fast.
 */
export interface OfficialArticle {
  readonly type: 'A' | 'C';
  readonly no: string;
  readonly content: string;
}

export interface OfficialLaw {
  readonly pcode: string;
  readonly name: string;
  readonly english?: string;
  /** YYYYMMDD. */
  readonly lastUpdate?: string;
  readonly abandonNote?: string;
  readonly url: string;
  readonly articles: readonly OfficialArticle[];
}

export interface OfficialDatabase {
  /** YYYY-MM-DD, from UpdateDate ("2024/10/11"). */
  readonly updateDate?: string;
  readonly laws: OfficialLaw[];
  readonly problems: LawProblem[];
}

/** More than any edition so far (ChLaw.json is ~30 MB, all laws and orders together ~140 MB). */
export const MAX_OFFICIAL_JSON_BYTES = 256 * 1024 * 1024;
/** A published edition has thousands of laws; fewer than this is not the database. */
export const MIN_OFFICIAL_LAWS = 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/**
 * The .json files of a zip, each unpacked only up to `maxBytes` (a zip bomb is stopped as soon as its output
 * passes the limit, whatever its headers claim). A truncated or corrupt zip is a problem, never an exception.
 */
export function unzipJsonFiles(uri: string, bytes: Uint8Array, maxBytes = MAX_OFFICIAL_JSON_BYTES): { files: Array<{ name: string; bytes: Uint8Array }> } | { problem: LawProblem } {
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  let failure: string | undefined;
  let total = 0;
  let open = 0;
  const unzip = new Unzip((file) => {
    if (!/\.json$/i.test(file.name) || file.name.includes('..')) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    open++;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = `${fileName(uri)}: ${file.name} cannot be unpacked (${error.message}).`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (total > maxBytes) {
        failure = `${fileName(uri)} unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB; it is not read (a law database is far smaller).`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const joined = new Uint8Array(size);
        let offset = 0;
        for (const part of chunks) {
          joined.set(part, offset);
          offset += part.length;
        }
        files.push({ name: file.name, bytes: joined });
        open--;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    // Pushed in small pieces: one piece inflates to at most ~1 MB, so a bomb is stopped soon after the limit.
    const step = 1024;
    for (let offset = 0; offset < bytes.length && !failure; offset += step) unzip.push(bytes.subarray(offset, Math.min(bytes.length, offset + step)), offset + step >= bytes.length);
    if (bytes.length === 0) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= `${fileName(uri)} is not a readable zip file (${error instanceof Error ? error.message : String(error)}).`;
  }
  if (failure) return { problem: { uri, line: 0, message: failure } };
  if (open > 0 || !hasEndOfCentralDirectory(bytes)) return { problem: { uri, line: 0, message: `${fileName(uri)} is truncated: a file inside it ends early.` } };
  if (files.length === 0) return { problem: { uri, line: 0, message: `${fileName(uri)} holds no .json file (the official download holds ChLaw.json or ChOrder.json).` } };
  return { files };
}

/** A complete zip ends with its directory's end record (within the last 64 KB, after a comment). */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return true;
  }
  return false;
}

/** The pcode of a LawURL (https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0000001). */
export function pcodeOfLawUrl(url: string): string | undefined {
  const match = /[?&]pcode=([^&#]+)/i.exec(url);
  return match && PCODE.test(match[1]!) ? match[1] : undefined;
}

/** 2024/10/11 → 2024-10-11. */
function isoOfUpdateDate(value: string): string | undefined {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(value.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined;
}

/**
 * Reads ChLaw.json (UTF-8, with or without a byte-order mark). Bad laws are skipped and counted; a law cited
 * twice under one PCode keeps its most recently amended version; a law without articles keeps its name.
 */
export function parseOfficialJson(uri: string, bytes: Uint8Array): OfficialDatabase | { problem: LawProblem } {
  if (bytes.length > MAX_OFFICIAL_JSON_BYTES) return { problem: { uri, line: 0, message: `${fileName(uri)} is ${Math.ceil(bytes.length / 1024 / 1024)} MB, more than the ${MAX_OFFICIAL_JSON_BYTES / 1024 / 1024} MB read.` } };
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return decoded;
  const root = decoded.value;
  if (!isObject(root) || !Array.isArray(root.Laws)) return { problem: { uri, line: 0, message: `${fileName(uri)} is not the law database's open data: it needs a "Laws" list (ChLaw.json or ChOrder.json).` } };
  const byPcode = new Map<string, OfficialLaw>();
  const problems: LawProblem[] = [];
  let unnamed = 0;
  let withoutArticles = 0;
  const duplicates: string[] = [];
  for (const item of root.Laws as unknown[]) {
    const name = isObject(item) ? text(item.LawName) : '';
    const url = isObject(item) ? text(item.LawURL) : '';
    const pcode = pcodeOfLawUrl(url);
    if (!isObject(item) || !name || !pcode) {
      unnamed++;
      continue;
    }
    const articles: OfficialArticle[] = [];
    for (const article of Array.isArray(item.LawArticles) ? (item.LawArticles as unknown[]) : []) {
      if (!isObject(article)) continue;
      const type = text(article.ArticleType) === 'C' ? 'C' : 'A';
      const content = typeof article.ArticleContent === 'string' ? article.ArticleContent : '';
      articles.push({ type, no: text(article.ArticleNo), content });
    }
    if (!articles.some((article) => article.type === 'A')) withoutArticles++;
    const lastUpdate = /^\d{8}$/.test(text(item.LawModifiedDate)) ? text(item.LawModifiedDate) : undefined;
    const english = text(item.EngLawName);
    const abandonNote = text(item.LawAbandonNote);
    const law: OfficialLaw = { pcode, name, url, articles, ...(english ? { english } : {}), ...(lastUpdate ? { lastUpdate } : {}), ...(abandonNote ? { abandonNote } : {}) };
    const existing = byPcode.get(pcode);
    if (existing) {
      duplicates.push(pcode);
      if ((existing.lastUpdate ?? '') >= (law.lastUpdate ?? '')) continue;
    }
    byPcode.set(pcode, law);
  }
  if (unnamed > 0) problems.push({ uri, line: 0, message: `${fileName(uri)}: ${unnamed} ${unnamed === 1 ? 'law has' : 'laws have'} no LawName or no pcode in LawURL and ${unnamed === 1 ? 'is' : 'are'} skipped.` });
  if (duplicates.length > 0) problems.push({ uri, line: 0, message: `${fileName(uri)}: ${duplicates.length} PCode${duplicates.length === 1 ? ' appears' : 's appear'} twice (${duplicates.slice(0, 5).join(', ')}${duplicates.length > 5 ? ', …' : ''}); the most recently amended version is kept.` });
  if (withoutArticles > 0) problems.push({ uri, line: 0, message: `${fileName(uri)}: ${withoutArticles} ${withoutArticles === 1 ? 'law has' : 'laws have'} no articles; ${withoutArticles === 1 ? 'its name is' : 'their names are'} known, citations of ${withoutArticles === 1 ? 'its' : 'their'} articles are not checked.` });
  const updateDate = isoOfUpdateDate(text(root.UpdateDate));
  return { laws: [...byPcode.values()], problems, ...(updateDate ? { updateDate } : {}) };
}

/** One file of the converted folder, relative to it. */
export interface SplitFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ImportSummary {
  readonly laws: number;
  readonly articles: number;
  readonly updateDate?: string;
}

/**
 * The split folder of an official database: index.json, aliases.json (the short names we already know, for
 * the laws it has), manifest.json (the laws that have articles: the others are known by name only),
 * FalVMingLing/<PCode>.json in the database's per-law format, and source.json saying what it came from.
 */
export function officialToSplitFiles(database: OfficialDatabase, aliases: ReadonlyMap<string, readonly string[]>, source: Record<string, string | number>): { files: SplitFile[]; summary: ImportSummary } {
  const encoder = new TextEncoder();
  const json = (value: unknown) => encoder.encode(JSON.stringify(value));
  const files: SplitFile[] = [];
  const index: Array<Record<string, string>> = [];
  const manifest: Array<{ pcode: string; name: string; bytes: number }> = [];
  const keptAliases: Record<string, readonly string[]> = {};
  let articleCount = 0;
  for (const law of database.laws) {
    index.push({ PCode: law.pcode, name: law.name, ...(law.lastUpdate ? { lastUpdate: law.lastUpdate } : {}), ...(law.english ? { english: law.english } : {}) });
    const known = aliases.get(law.pcode);
    if (known && known.length > 0) keptAliases[law.pcode] = known;
    const articles = law.articles.filter((article) => article.type === 'A').length;
    if (articles === 0) continue;
    articleCount += articles;
    const bytes = json({
      法規名稱: law.name,
      ...(law.english ? { 英文法規名稱: law.english } : {}),
      法規網址: law.url,
      ...(law.lastUpdate ? { 最新異動日期: law.lastUpdate } : {}),
      ...(law.abandonNote ? { 廢止註記: law.abandonNote } : {}),
      法規內容: law.articles.map((article) => (article.type === 'C' ? { 編章節: article.content } : { 條號: article.no, 條文內容: article.content })),
    });
    files.push({ path: `FalVMingLing/${law.pcode}.json`, bytes });
    manifest.push({ pcode: law.pcode, name: law.name, bytes: bytes.length });
  }
  const summary: ImportSummary = { laws: database.laws.length, articles: articleCount, ...(database.updateDate ? { updateDate: database.updateDate } : {}) };
  files.push({ path: 'index.json', bytes: json(index) });
  files.push({ path: 'aliases.json', bytes: json(keptAliases) });
  files.push({ path: 'manifest.json', bytes: json({ laws: manifest }) });
  files.push({ path: 'source.json', bytes: json({ ...source, ...summary }) });
  return { files, summary };
}

/**
 * Reads official files (zipped or not) into one database: ChLaw.json and ChOrder.json together make the
 * whole of it. A later file's law replaces an earlier one's only when more recently amended.
 */
export function readOfficialFiles(inputs: ReadonlyArray<{ uri: string; bytes: Uint8Array }>): OfficialDatabase | { problem: LawProblem } {
  const laws = new Map<string, OfficialLaw>();
  const problems: LawProblem[] = [];
  let updateDate: string | undefined;
  for (const input of inputs) {
    const jsonFiles = isZip(input.bytes) ? unzipJsonFiles(input.uri, input.bytes) : { files: [{ name: fileName(input.uri), bytes: input.bytes }] };
    if ('problem' in jsonFiles) return jsonFiles;
    for (const file of jsonFiles.files) {
      const uri = isZip(input.bytes) ? `${input.uri}!/${file.name}` : input.uri;
      const parsed = parseOfficialJson(uri, file.bytes);
      if ('problem' in parsed) return parsed;
      // A loop: a hostile file may carry a problem for each of 100,000 laws (push(...list) overflows the stack).
      for (const problem of parsed.problems) problems.push(problem);
      if (parsed.updateDate && (!updateDate || parsed.updateDate > updateDate)) updateDate = parsed.updateDate;
      for (const law of parsed.laws) {
        const existing = laws.get(law.pcode);
        if (!existing || (law.lastUpdate ?? '') > (existing.lastUpdate ?? '')) laws.set(law.pcode, law);
      }
    }
  }
  if (laws.size < MIN_OFFICIAL_LAWS) return { problem: { uri: inputs[0]?.uri ?? '', line: 0, message: 'The official files hold no law.' } };
  return { laws: [...laws.values()], problems, ...(updateDate ? { updateDate } : {}) };
}
