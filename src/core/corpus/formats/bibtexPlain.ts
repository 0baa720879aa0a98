import type { Creator } from '@retorquere/bibtex-parser' with { 'resolution-mode': 'import' };
import type { BibValuePiece } from './bibtexScan';

/**
 * Field values without LaTeX, mapped as Better BibTeX's parser maps them, so the parser's costly LaTeX stage
 * (a PEG parse per value, ~80 µs each) runs only on the values that need it. "Without LaTeX" is strict:
 * any character or sequence the parser's LaTeX stage would turn into something else (backslash, braces,
 * math, ties, sub/superscripts, comment, ligatures such as -- `` '' << >>) sends the value to the parser.
 * A unit test checks on generated libraries that both ways give the same entries.
 */

/** Field modes as the parser assigns them (its FieldMode table). */
const CREATOR_FIELDS = new Set(['author', 'bookauthor', 'collaborator', 'commentator', 'director', 'editor', 'editora', 'editorb', 'editors', 'holder', 'scriptwriter', 'translator']);
const VERBATIM_FIELDS = new Set(['doi', 'eprint', 'file', 'files', 'pdf', 'groups', 'ids', 'url', 'verba', 'verbb', 'verbc']);
const VERBATIM_PATTERNS = [/^keywords([+]duplicate-\d+)?$/, /^citeulike-linkout-[0-9]+$/, /^bdsk-url-[0-9]+$/];
const LITERAL_LIST_FIELDS = new Set(['institution', 'publisher', 'origpublisher', 'organization', 'location', 'origlocation']);
const RICH_TEXT_FIELDS = new Set(['annotation', 'comment', 'annote', 'review', 'notes', 'note']);

const MONTHS: Readonly<Record<string, string>> = {
  jan: '1', january: '1', feb: '2', february: '2', mar: '3', march: '3', apr: '4', april: '4', may: '5', jun: '6', june: '6', jul: '7', july: '7',
  aug: '8', august: '8', sep: '9', september: '9', oct: '10', october: '10', nov: '11', november: '11', dec: '12', december: '12',
};

/** Characters and sequences the LaTeX stage changes (or may change) in text. */
const LATEX_IN_TEXT = /[\\{}$~^_%&#<>`]|--|''|\n[ \t\r]*\n/;
/** The same without grouping braces and dashes, which plainFieldValue reads itself where they are safe. */
const LATEX_BUT_DASHES = /[\\{}$~^_%&#<>`]|''|\n[ \t\r]*\n/;
const LATEX_BUT_BRACES_AND_DASHES = /[\\$~^_%&#<>`]|''|\n[ \t\r]*\n/;

/** Whether every brace closes one opened before it. */
function balancedBraces(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** White space that /\s+/ → ' ' would change: anything but a single plain space. */
const UNUSUAL_WHITE_SPACE = /[^\S ]| {2}/;

/** In verbatim fields only braces and backslashes matter; white space other than a space is left to the parser. */
const LATEX_IN_VERBATIM = /[\\{}\n\r\t]/;

export type PlainValue = string | string[] | Creator[];

/** Field name → whether it is verbatim: a library repeats a few dozen names, and three patterns per field add up. */
const verbatimByName = new Map<string, boolean>();

function isVerbatim(field: string): boolean {
  let verbatim = verbatimByName.get(field);
  if (verbatim === undefined) {
    verbatim = VERBATIM_FIELDS.has(field) || VERBATIM_PATTERNS.some((pattern) => pattern.test(field));
    // Names are the file's: a hostile file with a million distinct names must not grow this without end.
    if (verbatimByName.size < 10_000) verbatimByName.set(field, verbatim);
  }
  return verbatim;
}

const TITLE_FIELDS = new Set(['title', 'subtitle', 'series', 'shorttitle', 'booktitle', 'origtitle', 'maintitle', 'eventtitle']);

/** The parser's mode of a field (Entry.mode), by the same table and precedence. */
export function fieldMode(field: string): string {
  if (LITERAL_LIST_FIELDS.has(field)) return 'literallist';
  if (RICH_TEXT_FIELDS.has(field)) return 'richtext';
  if (isVerbatim(field)) return 'verbatim';
  if (TITLE_FIELDS.has(field)) return 'title';
  if (CREATOR_FIELDS.has(field)) return 'creatorlist';
  return 'literal';
}

export function isKeywordsField(field: string): boolean {
  return /^keywords([+]duplicate-\d+)?$/.test(field);
}

/** A value with its @string macros resolved, or undefined when a macro is not ours (the parser knows month and journal names). */
export function resolvePieces(pieces: readonly BibValuePiece[], strings: ReadonlyMap<string, string>): string | undefined {
  let text = '';
  for (const piece of pieces) {
    if (piece.kind === 'text') text += piece.text;
    else {
      const resolved = strings.get(piece.text.toUpperCase());
      if (resolved === undefined) return undefined;
      text += resolved;
    }
  }
  return text;
}

/**
 * The parser's value for a field whose text holds no LaTeX, or undefined when the parser must read it.
 * An empty value is '' (the parser drops the field).
 */
export function plainFieldValue(field: string, value: string): PlainValue | undefined {
  if (value.trim() === '') return '';
  if (isVerbatim(field)) return LATEX_IN_VERBATIM.test(value) ? undefined : value;
  if (CREATOR_FIELDS.has(field)) return LATEX_IN_TEXT.test(value) ? undefined : plainCreators(value.replace(/\s+/g, ' ').trim());
  // Braces that only group (case protection, {AI}) and the dash ligatures are common in titles and easy:
  // a ligature does not form across a brace (x{-}-y stays x--y), so dashes are read before braces go.
  const grouping = !LITERAL_LIST_FIELDS.has(field) && field !== 'year' && field !== 'month' && balancedBraces(value);
  if ((grouping ? LATEX_BUT_BRACES_AND_DASHES : LATEX_BUT_DASHES).test(value)) return undefined;
  // Each replacement only where it changes something: most values have no dash, brace or run of white space.
  let text = value.includes('--') ? value.replace(/---?/g, (dashes) => (dashes === '---' ? '\u2014' : '\u2013')) : value;
  if (grouping && (text.includes('{') || text.includes('}'))) text = text.replace(/[{}]/g, '');
  if (UNUSUAL_WHITE_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  if (LITERAL_LIST_FIELDS.has(field)) return text.split(/ and /i).map((item) => item.trim());
  if (field === 'year' || field === 'month') {
    const number = /^-?\d+$/.test(text) ? `${Number.parseInt(text, 10)}` : text;
    return field === 'month' ? (MONTHS[number.toLowerCase()] ?? number) : number;
  }
  return text;
}

/** The parser's keyword list: split on , and ;, trimmed, without repeats, sorted case-insensitively. */
export function keywordList(values: readonly string[]): string[] {
  const keywords = values.flatMap((value) => value.split(/\s*[,;]\s*/)).map((keyword) => keyword.trim()).filter(Boolean);
  return [...new Set(keywords)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/** Names as the parser splits them: `and` between names; `Last, First`, `Last, Jr, First` or `First von Last`. */
function plainCreators(text: string): Creator[] | undefined {
  // Stray separators: the parser's own rules.
  if (/^and\b|\band$/i.test(text)) return undefined;
  const creators: Creator[] = [];
  for (const name of text.split(/ and /i)) {
    const creator = plainCreatorName(name);
    if (creator === undefined) return undefined;
    if (Object.keys(creator).length > 0) creators.push(creator);
  }
  return creators;
}

export function isCreatorField(field: string): boolean {
  return CREATOR_FIELDS.has(field);
}

/**
 * One name of a list as the parser reads it, when it holds no LaTeX: a plain name, or a name in one pair of
 * braces (an institution, a CJK name), which is kept whole. Undefined when the parser must read it.
 */
export function plainCreatorName(name: string): Creator | undefined {
  const braced = /^\s*\{([^{}]*)\}\s*$/.exec(name);
  const text = braced ? braced[1]! : name;
  // Extended name format (family=…, given=…) is the parser's.
  if (LATEX_IN_TEXT.test(text) || text.includes('=')) return undefined;
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (braced) return collapsed === '' ? undefined : { name: collapsed };
  return plainCreator(collapsed);
}

function plainCreator(name: string): Creator | undefined {
  if (name.includes(',')) {
    const parts = name.split(',').map((part) => part.trim());
    if (parts.length === 3 && parts[2] === '') parts.pop();
    if (parts.length > 3) return undefined;
    const [family, suffix, firstName] = parts.length === 2 ? [parts[0]!, undefined, parts[1]] : [parts[0]!, parts[1], parts[2]];
    const particle = /^([a-z'. ]+) (.+)/.exec(family);
    return trimCreator({ lastName: particle ? particle[2] : family, firstName, prefix: particle?.[1], suffix });
  }
  const words = name.split(' ').filter(Boolean);
  if (words.length === 1) return trimCreator({ lastName: words[0] });
  const prefix = words.findIndex((word) => /^[a-z]/.test(word));
  const postfix = prefix <= 0 ? -1 : words.findIndex((word, index) => index > prefix && !/^[a-z]/.test(word));
  if (postfix === -1) {
    const lastName = words.pop();
    return trimCreator({ lastName, firstName: words.join(' ') });
  }
  return trimCreator({ firstName: words.slice(0, prefix).join(' '), prefix: words.slice(prefix, postfix).join(' '), lastName: words.slice(postfix).join(' ') });
}

function trimCreator(creator: Record<string, string | undefined>): Creator {
  const trimmed: Record<string, string> = {};
  for (const [part, value] of Object.entries(creator)) if (value !== undefined && value.trim() !== '') trimmed[part] = value.trim();
  return trimmed as Creator;
}

/** A field's value written back as BibTeX for the parser: braced text, or a bare macro the parser resolves. */
export function piecesAsBibtex(pieces: readonly BibValuePiece[], strings: ReadonlyMap<string, string>): string {
  return pieces
    .map((piece) => {
      if (piece.kind === 'text') return `{${piece.text}}`;
      const resolved = strings.get(piece.text.toUpperCase());
      return resolved === undefined ? piece.text : `{${resolved}}`;
    })
    .join(' # ');
}
