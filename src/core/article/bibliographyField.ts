import { isScalar, isSeq, isMap, parseDocument, type Node } from 'yaml';
import type { Article } from './article';

/** One path of the front matter's `bibliography:` field, with the offsets of its text in the article. */
export interface BibliographyPath {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** The `bibliography:` field of an article's YAML front matter, as Pandoc reads it: one path or a list. */
export interface BibliographyField {
  /** The key's offsets: diagnostics about the field as a whole go there. */
  readonly start: number;
  readonly end: number;
  readonly paths: readonly BibliographyPath[];
  /** The value is neither a string nor a list of strings (the entries that are strings are still used). */
  readonly malformed: boolean;
}

const MAX_PATHS = 32;

/**
 * Finds `bibliography:` in the article's front matter. Broken YAML is not this field's business (other
 * tools report it): the field is then simply absent. YAML is read with the core schema and no alias expansion.
 */
export function findBibliographyField(article: Article): BibliographyField | undefined {
  const frontMatter = article.frontMatter;
  if (!frontMatter || frontMatter.format !== 'yaml' || !frontMatter.text.includes('bibliography')) return undefined;
  const document = parseDocument(frontMatter.text, { schema: 'core', prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'bibliography');
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const at = (node: Node) => ({ start: frontMatter.textStart + node.range![0], end: frontMatter.textStart + node.range![1] });
  const key = at(pair.key);
  const value = pair.value as Node | null;
  const paths: BibliographyPath[] = [];
  let malformed = false;
  const take = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' && node.range) paths.push({ path: node.value.trim(), ...at(node) });
    else malformed = true;
  };
  if (isSeq(value)) for (const item of value.items.slice(0, MAX_PATHS)) take(item);
  else take(value);
  return { ...key, paths, malformed };
}
