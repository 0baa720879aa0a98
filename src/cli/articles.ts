import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyzeArticle, type ArticleAnalysis } from '../core/article/analysis';
import { firstInvalidUtf8, lineOfByte } from '../core/corpus/parseFile';
import { positionAt, type Line } from '../core/article/lines';
import type { Session } from './session';
import { expandGlob } from './nodeFiles';
import { invalidGlobs } from '../core/util/glob';
import { UsageError } from './args';

export type ArticleResult =
  | { readonly file: string; readonly analysis: ArticleAnalysis }
  | { readonly file: string; readonly error: { readonly code: 'file-not-found' | 'binary-file' | 'invalid-utf8' | 'read-error'; readonly message: string; readonly line: number } };

/** Files as given, globs expanded (sorted); a pattern that matches nothing is reported like a missing file. */
export async function resolveFileArguments(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (/[*?[{]/.test(pattern)) {
      if (invalidGlobs([pattern]).length > 0) throw new UsageError(`invalid glob: ${pattern}`);
      const matches = await expandGlob(pattern, cwd);
      files.push(...(matches.length > 0 ? matches : [pattern]));
    } else files.push(pattern);
  }
  return files;
}

export async function analyzeFile(file: string, cwd: string, session: Session): Promise<ArticleResult> {
  let bytes: Uint8Array;
  try {
    const absolute = path.resolve(cwd, file);
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return { file, error: { code: 'read-error', message: `${file} is not a file`, line: 0 } };
    bytes = await fs.readFile(absolute);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT'
      ? { file, error: { code: 'file-not-found', message: `file not found: ${file}`, line: 0 } }
      : { file, error: { code: 'read-error', message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, line: 0 } };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { file, error: { code: 'binary-file', message: `${file} is a binary file, not a Markdown article`, line: lineOfByte(bytes, nul) } };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) return { file, error: { code: 'invalid-utf8', message: `${file} is not valid UTF-8 (byte ${invalid})`, line: lineOfByte(bytes, invalid) } };
  const text = new TextDecoder('utf-8').decode(bytes);
  return { file, analysis: analyzeArticle(text, session.corpus.index, session.resolveOptions, { vocabulary: session.tags.vocabulary, hashtags: false }) };
}

/** 1-based line and UTF-16 column of an offset, as editors count them. */
export function positionOf(lines: readonly Line[], offset: number): { line: number; column: number } {
  const position = positionAt(lines, offset);
  return { line: position.line + 1, column: position.character + 1 };
}
