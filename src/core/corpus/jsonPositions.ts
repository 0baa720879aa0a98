/** Position of one JSON object in its file: where it starts and where each of its own keys is. */
export interface JsonObjectPosition {
  readonly start: number;
  readonly keys: ReadonlyArray<{ readonly name: string; readonly offset: number }>;
  /** Keys written twice in this object (JSON.parse silently keeps the last). */
  readonly duplicateKeys: ReadonlyArray<{ readonly name: string; readonly offset: number }>;
}

/**
 * Finds the objects that hold records in a JSON text that JSON.parse has already accepted: the elements of
 * a root array, of a root object's `records` array, or the root object itself. One linear pass, no regular
 * expressions, so a hostile file cannot make it slow.
 */
export function findRecordObjects(text: string): JsonObjectPosition[] {
  interface Frame {
    readonly kind: 'object' | 'array';
    readonly start: number;
    readonly isRecord: boolean;
    /** For an object: the key whose value comes next. */
    pendingKey?: string;
    /** Only for the objects whose keys are reported (records, and the root): nested values allocate nothing. */
    readonly keys?: Array<{ name: string; offset: number }>;
    readonly seen?: Set<string>;
    readonly duplicateKeys?: Array<{ name: string; offset: number }>;
    /** For an array: whether its elements are records. */
    readonly holdsRecords: boolean;
  }
  const found: JsonObjectPosition[] = [];
  const stack: Frame[] = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      const end = stringEnd(text, index);
      const top = stack[stack.length - 1];
      // Only the keys of records and of the root (its `records`) are read: a nested object's keys are skipped without a copy.
      if (top?.kind === 'object' && expectKey && top.keys) {
        // Keys are nearly always plain; only one with an escape needs JSON.parse.
        const raw = text.slice(index + 1, end);
        const name = raw.includes('\\') ? (JSON.parse(text.slice(index, end + 1)) as string) : raw;
        top.pendingKey = name;
        if (top.seen!.has(name)) top.duplicateKeys!.push({ name, offset: index });
        top.seen!.add(name);
        top.keys.push({ name, offset: index });
      }
      if (top?.kind === 'object') expectKey = false;
      index = end;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const kind = char === 0x7b ? 'object' : 'array';
      const isRecord =
        kind === 'object' && (parent === undefined || (parent.kind === 'array' && parent.holdsRecords));
      const holdsRecords =
        kind === 'array' && (parent === undefined || (parent.kind === 'object' && stack.length === 1 && parent.pendingKey === 'records'));
      const reported = kind === 'object' && (isRecord || stack.length === 0);
      // One shape for every frame (no spread): a library has hundreds of thousands of nested objects.
      stack.push(reported ? { kind, start: index, isRecord, keys: [], seen: new Set<string>(), duplicateKeys: [], holdsRecords } : { kind, start: index, isRecord, keys: undefined, seen: undefined, duplicateKeys: undefined, holdsRecords });
      expectKey = kind === 'object';
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      const frame = stack.pop()!;
      if (frame.kind === 'object' && frame.isRecord) found.push({ start: frame.start, keys: frame.keys!, duplicateKeys: frame.duplicateKeys! });
      expectKey = false;
    } else if (char === 0x2c /* , */) {
      expectKey = stack[stack.length - 1]?.kind === 'object';
    }
  }
  // A root object that is a container ({ "records": [...] }) is not itself a record.
  return found.filter((position) => !(position.start === firstNonSpace(text) && position.keys.some((key) => key.name === 'records')));
}

/** The closing quote of the string opening at `start`: the next `"` after an even run of backslashes (indexOf is far faster than a loop over the characters). */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match ? match.index : 0;
}

/**
 * 0-based line of each offset. Readers ask in file order, so the common case counts newlines forward from the
 * last offset asked (no table: a big library has a million lines, and a million-element array is most of the
 * cost); an earlier offset uses a sorted table of line starts, built on first need.
 */
export class LineTable {
  readonly #text: string;
  #starts: number[] | undefined;
  #cursorOffset = 0;
  #cursorLine = 0;
  /** The first newline at or after the cursor (-1: none); -2 until looked for. */
  #nextNewline = -2;

  constructor(text: string) {
    this.#text = text;
  }

  lineOf(offset: number): number {
    if (offset >= this.#cursorOffset) {
      const text = this.#text;
      let line = this.#cursorLine;
      let newline = this.#nextNewline === -2 ? text.indexOf('\n') : this.#nextNewline;
      while (newline !== -1 && newline < offset) {
        line++;
        newline = text.indexOf('\n', newline + 1);
      }
      this.#cursorOffset = offset;
      this.#cursorLine = line;
      this.#nextNewline = newline;
      return line;
    }
    return this.#lineFromTable(offset);
  }

  #lineFromTable(offset: number): number {
    if (!this.#starts) {
      const starts = [0];
      for (let index = this.#text.indexOf('\n'); index !== -1; index = this.#text.indexOf('\n', index + 1)) starts.push(index + 1);
      this.#starts = starts;
    }
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}
