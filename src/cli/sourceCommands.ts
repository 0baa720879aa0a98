import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../core/article/analysis';
import { recordsToBibtex } from '../core/export/bibtexExport';
import { citedRecords, recordsToCslJson } from '../core/export/citedRecords';
import { formatHarvestJsonLines, harvestArticles, type HarvestArticle } from '../core/harvest/harvest';
import { MAX_STYLE_BYTES, StyleError, styleTextProblem } from '../core/styles/citationStyles';
import { sectionRecords } from '../core/styles/styledSources';
import { jsonSafe, safeJsonStringify, terminalSafe } from '../core/util/controlText';
import { loadCitationStyles } from '../citationStyles/lazy';
import { analyzeFile, readArticleText, resolveFileArguments } from './articles';
import { UsageError, type CliArgs } from './args';
import { toUri } from './nodeFiles';
import { isInside, readRepositoryFile } from './repositoryFiles';
import { openSession } from './session';
import { truncate } from '../core/util/text';

/** What the commands print to (main.ts's Io). */
interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
}

/** `harvest`, `export` and `sources`: the corpus from the articles, the corpus to a library, 資料來源 in a style. */

export const DEFAULT_HARVEST_OUT = 'corpus/harvested.jsonl';

export async function harvestCommand(args: CliArgs, io: Io): Promise<number> {
  const session = await openSession(args, io.cwd);
  const files = await resolveFileArguments(args.positional, io.cwd);
  const out = args.out ?? DEFAULT_HARVEST_OUT;
  const outPath = out === '-' ? undefined : path.resolve(io.cwd, out);
  const articles: HarvestArticle[] = [];
  let unreadable = 0;
  for (const file of files) {
    if (outPath && path.resolve(io.cwd, file) === outPath) continue;
    const read = await readArticleText(file, io.cwd);
    if ('error' in read) {
      io.err(`policy-annotator: ${terminalSafe(read.error.message)}`);
      unreadable++;
      continue;
    }
    articles.push({ path: file, text: read.text });
  }
  const result = harvestArticles(articles, session.corpus.index, outPath ? { replacing: toUri(outPath) } : {});
  const jsonLines = jsonSafe(formatHarvestJsonLines(result.records));
  if (outPath) await writeOut(outPath, jsonLines);
  else io.out(jsonLines.replace(/\n$/, ''));
  const lines = [`harvested ${result.records.length} sources from ${result.articles} articles (${result.citations} citation lines and links)${outPath ? ` → ${terminalSafe(out)}` : ''}`];
  if (result.known.length > 0) {
    lines.push(`${result.known.length} already in the corpus (not written):`);
    for (const known of result.known) lines.push(`  ${terminalSafe(known.id)}  ${terminalSafe(truncate(known.title, 70))}  (cited by ${known.citedBy})`);
  }
  if (result.conflicts.length > 0) {
    lines.push(`${result.conflicts.length} conflicting facts (kept as a note on the record):`);
    for (const conflict of result.conflicts) lines.push(`  ${terminalSafe(conflict.id)}  ${conflict.field}: ${conflict.values.map((value) => terminalSafe(truncate(value, 70))).join(' | ')}`);
  }
  io.err(lines.join('\n'));
  return unreadable > 0 ? 2 : 0;
}

export async function exportCommand(args: CliArgs, io: Io): Promise<number> {
  const session = await openSession(args, io.cwd);
  const { analyses, unreadable } = await analyzeAll(args, io, session);
  const records = citedRecords(analyses, session.corpus.index);
  const text = args.exportFormat === 'bibtex' ? recordsToBibtex(records) : jsonSafe(recordsToCslJson(records));
  if (args.out && args.out !== '-') await writeOut(path.resolve(io.cwd, args.out), text);
  else io.out((io.isTty ? terminalSafe(text).replace(/\\u\{000A\}/g, '\n') : text).replace(/\n$/, ''));
  io.err(`exported ${records.length} records cited by ${analyses.length} articles (${args.exportFormat})`);
  return unreadable > 0 ? 2 : 0;
}

export async function sourcesCommand(args: CliArgs, io: Io): Promise<number> {
  if (args.positional.length !== 1) throw new UsageError('sources needs exactly one article');
  const name = args.style ?? 'house';
  const styles = await loadCitationStyles();
  const style = styles.builtIn(name) ?? (await readStyleFile(name, io.cwd));
  const session = await openSession(args, io.cwd);
  const { analyses, unreadable } = await analyzeAll(args, io, session);
  if (unreadable > 0) return 2;
  const records = sectionRecords(analyses[0]!, session.corpus.index);
  let lines: Map<string, string>;
  try {
    lines = styles.renderRecords(records, style, todayIso(), name === 'house');
  } catch (error) {
    if (error instanceof StyleError) throw new UsageError(`the style ${name} cannot be used: ${error.message}`);
    throw error;
  }
  if (args.json) io.out(safeJsonStringify(records.map((record) => ({ id: record.id, text: lines.get(record.id) ?? '' })), 2));
  else io.out(['資料來源：', '', ...records.map((record) => terminalSafe(lines.get(record.id) ?? '')).flatMap((line) => [line, ''])].join('\n').replace(/\n+$/, ''));
  return 0;
}

/** A user's .csl file: inside the current folder, a regular file, size-capped; never fetched from anywhere. */
async function readStyleFile(name: string, cwd: string): Promise<string> {
  if (!/\.csl$/i.test(name)) throw new UsageError(`unknown style "${name}" (use house, apa or a .csl file)`);
  const absolute = path.resolve(cwd, name);
  if (!isInside(absolute, path.resolve(cwd))) throw new UsageError('the style file must be inside the current folder');
  const read = await readRepositoryFile(absolute, [cwd], MAX_STYLE_BYTES);
  if (!('bytes' in read)) throw new UsageError(read.missing ? `style file not found: ${name}` : `cannot read the style file: ${read.refused}`);
  const text = new TextDecoder().decode(read.bytes);
  const problem = styleTextProblem(text);
  if (problem) throw new UsageError(`the style ${name} cannot be used: ${problem}`);
  return text;
}

async function analyzeAll(args: CliArgs, io: Io, session: Awaited<ReturnType<typeof openSession>>): Promise<{ analyses: ArticleAnalysis[]; unreadable: number }> {
  const files = await resolveFileArguments(args.positional, io.cwd);
  const analyses: ArticleAnalysis[] = [];
  let unreadable = 0;
  for (const file of files) {
    const result = await analyzeFile(file, io.cwd, session);
    if ('error' in result) {
      io.err(`policy-annotator: ${terminalSafe(result.error.message)}`);
      unreadable++;
    } else analyses.push(result.analysis);
  }
  return { analyses, unreadable };
}

async function writeOut(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Written beside and renamed: a reader (the extension's watcher) never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text, 'utf8');
  await fs.rename(temporary, file);
}

/** Today (ISO), or POLICY_ANNOTATOR_TODAY so the last visit of a record without one can be reproduced. */
function todayIso(): string {
  const fixed = process.env.POLICY_ANNOTATOR_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
