import path from 'node:path';
import { analyzeArticle, type ArticleAnalysis } from '../core/article/analysis';
import { firstInvalidUtf8, lineOfByte } from '../core/corpus/parseFile';
import { positionAt, type Line } from '../core/article/lines';
import type { Session } from './session';
import { expandGlob, toUri } from './nodeFiles';
import { parseArticle } from '../core/article/article';
import { globProblem } from '../core/util/glob';
import { UsageError } from './args';
import { isInside, readRepositoryFile, type RealFolders } from './repositoryFiles';

/** The same limit as the extension's for articles (2 MB). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export type ArticleResult =
  | { readonly file: string; readonly analysis: ArticleAnalysis }
  | { readonly file: string; readonly error: { readonly code: 'file-not-found' | 'binary-file' | 'invalid-utf8' | 'read-error'; readonly message: string; readonly line: number } };

/** Files as given, globs expanded (sorted); a pattern that matches nothing is reported like a missing file. */
export async function resolveFileArguments(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (/[*?[{]/.test(pattern)) {
      const problem = globProblem(pattern);
      if (problem) throw new UsageError(`invalid glob (${problem}): ${pattern}`);
      const matches = await expandGlob(pattern, cwd);
      if (matches.length === 0) files.push(pattern);
      for (const match of matches) files.push(match);
    } else files.push(pattern);
  }
  return files;
}

/** An article's text, read as the extension reads articles; or why it cannot be read. `known`: the run's real folders. */
export async function readArticleText(file: string, cwd: string, known?: RealFolders): Promise<{ readonly file: string; readonly text: string } | Extract<ArticleResult, { error: unknown }>> {
  const absolute = path.resolve(cwd, file);
  // The repository (the current folder) is where articles are read from; a file named outside it is read from
  // the folder it was named in. Either way: a regular file, no symbolic link leading out, at most 2 MB (the
  // extension's limit for articles).
  const folders = isInside(absolute, path.resolve(cwd)) ? [cwd] : [cwd, path.dirname(absolute)];
  const read = await readRepositoryFile(absolute, folders, MAX_ARTICLE_BYTES, known);
  if (!('bytes' in read)) {
    return read.missing
      ? { file, error: { code: 'file-not-found', message: `file not found: ${file}`, line: 0 } }
      : { file, error: { code: 'read-error', message: `cannot read ${file}: ${read.refused}`, line: 0 } };
  }
  const bytes = read.bytes;
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { file, error: { code: 'binary-file', message: `${file} is a binary file, not a Markdown article`, line: lineOfByte(bytes, nul) } };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) return { file, error: { code: 'invalid-utf8', message: `${file} is not valid UTF-8 (byte ${invalid})`, line: lineOfByte(bytes, invalid) } };
  return { file, text: new TextDecoder('utf-8').decode(bytes) };
}

/** `reading`: the file's read, when the caller started it ahead (while the file before was analysed). */
export async function analyzeFile(file: string, cwd: string, session: Session, reading: ReturnType<typeof readArticleText> = readArticleText(file, cwd)): Promise<ArticleResult> {
  const read = await reading;
  if ('error' in read) return read;
  await session.corpus.prepareFor(read.text);
  const article = parseArticle(read.text);
  // The front matter's bibliography: counts for this article only.
  const bibliography = await session.bibliographies.load(toUri(path.resolve(cwd, file)), article);
  return { file, analysis: analyzeArticle(read.text, session.corpus.index, session.resolveOptions, { vocabulary: session.tags.vocabulary, hashtags: false }, article, bibliography) };
}

/** 1-based line and UTF-16 column of an offset, as editors count them. */
export function positionOf(lines: readonly Line[], offset: number): { line: number; column: number } {
  const position = positionAt(lines, offset);
  return { line: position.line + 1, column: position.character + 1 };
}
