import { describeJsonError, jsonErrorLine } from '../corpus/parseFile';
import { PCODE, type LawEntry } from './lawTypes';
import { parseJsonArrayByLines } from '../util/jsonArrayByLines';
import { articleKey, parseDatabaseArticleNumber, type ArticleNumber } from './numerals';

/**
 * How the core reaches a law folder (the national law database's per-law JSON): the extension through
 * vscode.workspace.fs, the CLI through Node's fs, tests in memory. The same two calls as CorpusFileSystem.
 */
export interface LawFileSystem {
  /** Size in bytes, or undefined when the file does not exist. */
  stat(uri: string): Promise<{ readonly size: number } | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
}

/** Something wrong with a law file, with its file and 0-based line. */
export interface LawProblem {
  readonly uri: string;
  readonly line: number;
  readonly message: string;
}

export interface LawArticle {
  readonly key: string;
  readonly number: ArticleNumber;
  /** Lines joined with \n (the database writes CRLF). */
  readonly text: string;
}

/** One law's text, as loaded from FalVMingLing/<PCode>.json. */
export interface LoadedLaw {
  readonly pcode: string;
  readonly name: string;
  readonly english?: string;
  readonly lastUpdate?: string;
  readonly abolished: boolean;
  /** By key: "6", "1-1". */
  readonly articles: ReadonlyMap<string, LawArticle>;
  /** Keys in the law's order. */
  readonly order: readonly string[];
  /** Roughly what it holds in memory (UTF-16 text), for the cache's bound. */
  readonly bytes: number;
}

export const lawFileUri = (folder: string, pcode: string) => `${folder}/FalVMingLing/${pcode}.json`;

/** Decodes UTF-8 (with or without a byte-order mark) and parses JSON; every failure is a problem, never an exception. */
export function decodeJson(uri: string, bytes: Uint8Array): { value: unknown } | { problem: LawProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: { uri, line: 0, message: `${fileName(uri)} is not valid UTF-8.` } };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: { uri, line: jsonErrorLine(text, message), message: `${fileName(uri)}: invalid JSON (${describeJsonError(text, message)}).` } };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** index.json: `[{ PCode, name, lastUpdate, english? }]`. Bad entries are skipped and counted in one problem. */
export function parseIndexJson(uri: string, bytes: Uint8Array): IndexJson {
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return { entries: [], problems: [decoded.problem] };
  const steps = indexEntries(uri, decoded.value);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

type IndexJson = { entries: Array<Omit<LawEntry, 'shortNames' | 'aliases'>>; problems: LawProblem[] };

/**
 * The same, `pause()` between steps: the file is parsed a chunk of lines at a time (`parseJsonArrayByLines`),
 * then checked in steps; a file that cannot be cut so (pretty-printed, invalid) is parsed whole, as before.
 */
export async function parseIndexJsonInSlices(uri: string, bytes: Uint8Array, pause: () => Promise<void>): Promise<IndexJson> {
  const items = await parseJsonArrayByLines(bytes, pause);
  if (!items) return parseIndexJson(uri, bytes);
  const steps = indexEntries(uri, items);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** Entries checked per step of `indexEntries`. */
const INDEX_STEP = 1000;

function* indexEntries(uri: string, value: unknown): Generator<void, IndexJson> {
  if (!Array.isArray(value)) return { entries: [], problems: [{ uri, line: 0, message: `${fileName(uri)} must hold a JSON array of laws ({ "PCode", "name", "lastUpdate", "english" }).` }] };
  const entries: Array<Omit<LawEntry, 'shortNames' | 'aliases'>> = [];
  let bad = 0;
  let firstBad = -1;
  for (let position = 0; position < value.length; position++) {
    if (position > 0 && position % INDEX_STEP === 0) yield;
    const item: unknown = value[position];
    const pcode = isObject(item) ? item.PCode : undefined;
    const name = isObject(item) ? optionalString(item.name) : undefined;
    if (typeof pcode !== 'string' || !PCODE.test(pcode) || !name) {
      bad++;
      if (firstBad < 0) firstBad = position;
      continue;
    }
    const english = optionalString((item as Record<string, unknown>).english);
    const lastUpdate = optionalString((item as Record<string, unknown>).lastUpdate);
    entries.push({ pcode, name, ...(english ? { english } : {}), ...(lastUpdate ? { lastUpdate } : {}) });
  }
  const problems = bad > 0 ? [{ uri, line: firstBad + 1, message: `${fileName(uri)}: ${bad} ${bad === 1 ? 'entry has' : 'entries have'} no valid PCode or name and ${bad === 1 ? 'is' : 'are'} skipped (the first is entry ${firstBad + 1}).` }] : [];
  return { entries, problems };
}

/** aliases.json: `{ "<PCode>": ["個資法", …] }`. */
export function parseAliasesJson(uri: string, bytes: Uint8Array): { aliases: Map<string, string[]>; problems: LawProblem[] } {
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return { aliases: new Map(), problems: [decoded.problem] };
  if (!isObject(decoded.value)) return { aliases: new Map(), problems: [{ uri, line: 0, message: `${fileName(uri)} must hold a JSON object of PCode → list of short names.` }] };
  const aliases = new Map<string, string[]>();
  const problems: LawProblem[] = [];
  for (const [pcode, names] of Object.entries(decoded.value)) {
    if (!PCODE.test(pcode) || !Array.isArray(names)) {
      problems.push({ uri, line: 0, message: `${fileName(uri)}: "${pcode.slice(0, 40)}" is not a PCode with a list of names; skipped.` });
      continue;
    }
    aliases.set(pcode, names.filter((name): name is string => typeof name === 'string' && name.trim() !== '').map((name) => name.trim()));
  }
  return { aliases, problems };
}

/** FalVMingLing/<PCode>.json: the law's names, dates and `法規內容` (chapter headings and articles). */
export function parseLawJson(uri: string, pcode: string, bytes: Uint8Array): LoadedLaw | { problem: LawProblem } {
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return decoded;
  const law = decoded.value;
  if (!isObject(law) || typeof law['法規名稱'] !== 'string' || !Array.isArray(law['法規內容'])) {
    return { problem: { uri, line: 0, message: `${fileName(uri)} is not a law file of the national law database (it needs "法規名稱" and a "法規內容" list).` } };
  }
  const articles = new Map<string, LawArticle>();
  const order: string[] = [];
  let bytesHeld = 0;
  for (const item of law['法規內容'] as unknown[]) {
    if (!isObject(item) || typeof item['條號'] !== 'string' || typeof item['條文內容'] !== 'string') continue;
    const number = parseDatabaseArticleNumber(item['條號']);
    if (!number) continue;
    const key = articleKey(number);
    const text = item['條文內容'].replace(/\r\n?/g, '\n');
    if (!articles.has(key)) order.push(key);
    articles.set(key, { key, number, text });
    bytesHeld += text.length * 2 + 64;
  }
  const english = optionalString(law['英文法規名稱']);
  const lastUpdate = optionalString(law['最新異動日期']);
  return {
    pcode,
    name: law['法規名稱'].trim(),
    ...(english ? { english } : {}),
    ...(lastUpdate ? { lastUpdate } : {}),
    abolished: optionalString(law['廢止註記']) !== undefined,
    articles,
    order,
    bytes: bytesHeld + 256,
  };
}

/** manifest.json of the embedded subset: which laws have their text there. */
export function parseManifestJson(uri: string, bytes: Uint8Array): { texts: Set<string>; problems: LawProblem[] } {
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return { texts: new Set(), problems: [decoded.problem] };
  const laws = isObject(decoded.value) && Array.isArray(decoded.value.laws) ? decoded.value.laws : undefined;
  if (!laws) return { texts: new Set(), problems: [{ uri, line: 0, message: `${fileName(uri)} must hold { "laws": [{ "pcode", "name", "bytes" }] }.` }] };
  return { texts: new Set(laws.flatMap((law) => (isObject(law) && typeof law.pcode === 'string' && PCODE.test(law.pcode) ? [law.pcode] : []))), problems: [] };
}

/** YYYYMMDD → YYYY-MM-DD (for formatDateWithRoc), or undefined. */
export function isoOfLawDate(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

export function fileName(uri: string): string {
  const parts = uri.split('/');
  return parts.slice(-2).join('/');
}
