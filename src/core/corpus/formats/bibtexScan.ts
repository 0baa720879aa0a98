/**
 * The structure of a .bib file — entries, their fields, @string macros — read the way Better BibTeX's parser
 * reads it (@retorquere/bibtex-parser's first, "verbatim" stage: same key characters, `%` comments between
 * fields, braces counted inside values, `\` escaping one character, `#` concatenation), but without turning
 * LaTeX into Unicode. That second stage is the parser's costly part (a PEG parse of every field value), so
 * the reader hands it only the values that hold LaTeX (bibtexPlain.ts decides); the rest it maps itself.
 * Scanning entry by entry also isolates a broken entry: it is reported on its own line and the next `@` starts over.
 */

export interface BibValuePiece {
  /** `text` is a braced or quoted value's content, or a number; `macro` is a bare name. */
  readonly kind: 'text' | 'macro';
  readonly text: string;
}

export interface ScannedField {
  /** Lower case; a field written twice is `name+duplicate-1` as in the parser. */
  readonly name: string;
  readonly pieces: readonly BibValuePiece[];
}

export interface ScannedEntry {
  readonly kind: 'entry';
  /** Lower case. */
  readonly type: string;
  readonly key: string;
  readonly fields: ScannedField[];
  /** The entry's text, trimmed, as the parser's `Entry.input`. */
  readonly input: string;
  readonly offset: number;
}

export interface ScannedString {
  readonly kind: 'string';
  /** Upper case: macro names are case-insensitive. */
  readonly name: string;
  readonly pieces: readonly BibValuePiece[];
  readonly offset: number;
}

export interface ScanFault {
  readonly kind: 'fault';
  readonly offset: number;
  /** What went wrong, in words; never quotes the file. */
  readonly message: string;
}

export type ScannedItem = ScannedEntry | ScannedString | ScanFault;

class Fault extends Error {}

const KEY_CHAR = /[+'a-zA-Z0-9&;_:\\./-]|[\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]/u;
/** KEY_CHAR for ASCII, as a table: a key is read character by character, and a regular expression per character is slow. */
const ASCII_KEY_CHAR = Array.from({ length: 128 }, (_, code) => KEY_CHAR.test(String.fromCharCode(code)));

function isKeyChar(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  return code < 128 ? ASCII_KEY_CHAR[code]! : KEY_CHAR.test(text[pos]!);
}

/**
 * Reads the items of a .bib text one after the other (a generator, so a caller can yield between them).
 * `span`, when given, hears where every directive read without fault starts and ends (@comment and
 * @preamble included, which yield no item): bibtexChunks.ts checks that none crosses a chunk.
 */
export function* scanBibtex(text: string, span?: (start: number, end: number) => void): Generator<ScannedItem, void> {
  let pos = 0;
  const skipWhitespace = () => {
    while (pos < text.length) {
      const char = text.charCodeAt(pos);
      if (char === 0x25 /* % */) while (pos < text.length && text.charCodeAt(pos) !== 0x0a) pos++;
      else if (char === 0x20 || char === 0x09 || char === 0x0d || char === 0x0a) pos++;
      else return;
    }
  };
  const tryMatch = (token: string) => {
    skipWhitespace();
    // Every token is one character: comparing it beats startsWith.
    return text.charCodeAt(pos) === token.charCodeAt(0);
  };
  const match = (token: string) => {
    if (!tryMatch(token)) throw new Fault(`"${token}" expected`);
    pos += token.length;
  };
  const key = (allow = '') => {
    const start = pos;
    while (pos < text.length && (isKeyChar(text, pos) || allow.includes(text[pos]!))) pos++;
    if (pos >= text.length) throw new Fault('the file ends inside a name');
    return text.slice(start, pos);
  };
  const braced = (): string => {
    pos++; // {
    const start = pos;
    let depth = 0;
    let math = false;
    for (; pos < text.length; pos++) {
      const char = text.charCodeAt(pos);
      if (char === 0x5c /* \\ */) pos++;
      else if (char === 0x7b /* { */) depth++;
      else if (char === 0x24 /* $ */) math = !math;
      else if (char === 0x7d /* } */) {
        if (depth === 0) {
          if (math) throw new Fault('a math section ($) is not closed');
          pos++;
          return text.slice(start, pos - 1);
        }
        depth--;
      }
    }
    throw new Fault("a value's braces do not balance (a { is not closed)");
  };
  const quoted = (): string => {
    pos++; // "
    const start = pos;
    let depth = 0;
    for (; pos < text.length; pos++) {
      const char = text.charCodeAt(pos);
      if (char === 0x5c /* \\ */) pos++;
      else if (char === 0x7b /* { */) depth++;
      else if (char === 0x7d /* } */) depth--;
      else if (char === 0x22 /* " */ && depth <= 0) {
        pos++;
        return text.slice(start, pos - 1);
      }
    }
    throw new Fault('a quoted value is not closed');
  };
  const piece = (): BibValuePiece => {
    if (tryMatch('{')) return { kind: 'text', text: braced() };
    if (tryMatch('"')) return { kind: 'text', text: quoted() };
    const bare = key();
    if (bare === '') throw new Fault('a value is missing');
    return /^\d+$/.test(bare) ? { kind: 'text', text: bare } : { kind: 'macro', text: bare };
  };
  const value = (): BibValuePiece[] => {
    const pieces = [piece()];
    while (tryMatch('#')) {
      pos++;
      pieces.push(piece());
    }
    return pieces;
  };
  const guard = (): string => {
    if (tryMatch('{')) return (pos++, '}');
    if (tryMatch('(')) return (pos++, ')');
    throw new Fault('"{" or "(" expected after the entry type');
  };
  const fieldOf = (entry: { fields: ScannedField[]; seen: Set<string> }, name: string) => {
    if (!tryMatch('=')) throw new Fault('"=" expected after a field name');
    pos++;
    const pieces = value();
    const bare = name.toLowerCase();
    let unique = bare;
    for (let postfix = 1; entry.seen.has(unique); postfix++) unique = `${bare}+duplicate-${postfix}`;
    entry.seen.add(unique);
    entry.fields.push({ name: unique, pieces });
  };

  while (pos < text.length) {
    skipWhitespace();
    while (pos < text.length && text[pos] !== '@') {
      if (text[pos] === '%') while (pos < text.length && text[pos] !== '\n') pos++;
      else pos++;
    }
    if (pos >= text.length) return;
    const start = pos;
    try {
      pos++; // @
      const directive = key().toLowerCase();
      if (directive === 'comment') {
        while (text[pos] === ' ' || text[pos] === '\t') pos++;
        if (text[pos] === '{') braced();
        else while (pos < text.length && text[pos] !== '\n') pos++;
        span?.(start, pos);
      } else if (directive === 'preamble') {
        value();
        span?.(start, pos);
      } else if (directive === 'string') {
        const close = guard();
        skipWhitespace();
        const name = key();
        const entry = { fields: [] as ScannedField[], seen: new Set<string>() };
        fieldOf(entry, name);
        match(close);
        span?.(start, pos);
        yield { kind: 'string', name: name.toUpperCase(), pieces: entry.fields[0]!.pieces, offset: start };
      } else {
        const close = guard();
        const entry = { fields: [] as ScannedField[], seen: new Set<string>() };
        let entryKey = '';
        if (!tryMatch(close)) {
          const first = tryMatch(',') ? '' : key('[]*"');
          if (tryMatch('=')) fieldOf(entry, first);
          else entryKey = first;
          if (tryMatch(',')) pos++;
          while (!tryMatch(close)) {
            skipWhitespace();
            const name = key();
            if (name === '') throw new Fault('a field name is expected');
            fieldOf(entry, name);
            if (!tryMatch(',')) break;
            pos++;
          }
        }
        match(close);
        span?.(start, pos);
        yield { kind: 'entry', type: directive, key: entryKey, fields: entry.fields, input: text.slice(start, pos).trim(), offset: start };
      }
    } catch (error) {
      if (!(error instanceof Fault)) throw error;
      yield { kind: 'fault', offset: start, message: error.message };
      // As the parser does: start again at the next @ after the broken one.
      pos = text.indexOf('@', start + 1);
      if (pos === -1) return;
    }
  }
}
