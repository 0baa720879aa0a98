/**
 * Corpus include/exclude globs, the same in the extension (watcher events) and the CLI: `**` any number of
 * folders, `*` and `?` within one name, `{a,b}` alternatives, `[abc]`, `[a-z]`, `[!a]` sets.
 *
 * Globs come with a repository, so they are untrusted. They are matched by an automaton (the set of positions
 * the glob may be at, advanced one character at a time), never by a backtracking regular expression: time is
 * at most (path length × glob length) per alternative, whatever the stars (`*a*a*a*a*a*a*a*a*a*a*a*a*b`
 * against a 60-character name would take minutes as a regular expression). What a glob may contain is capped:
 * its length and the number of alternatives its braces expand to.
 */
export const MAX_GLOB_LENGTH = 1_000;
export const MAX_GLOB_ALTERNATIVES = 64;

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'star' }
  | { readonly kind: 'folders' }
  | { readonly kind: 'all' }
  | { readonly kind: 'set'; readonly negated: boolean; readonly singles: string; readonly ranges: ReadonlyArray<readonly [number, number]> };

class GlobError extends Error {}

/** `{a,b}` alternatives expanded (nested braces too); an unclosed brace closes at the end, as before. */
function expandBraces(glob: string): string[] {
  let index = 0;
  const product = (heads: string[], tails: string[]): string[] => {
    if (heads.length * tails.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`its braces give more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
    const out: string[] = [];
    for (const head of heads) for (const tail of tails) out.push(head + tail);
    return out;
  };
  const sequence = (inBraces: boolean): string[] => {
    let results = [''];
    let literal = '';
    const flush = () => {
      if (literal) results = results.map((result) => result + literal);
      literal = '';
    };
    while (index < glob.length) {
      const char = glob[index]!;
      if (char === '[') {
        const end = glob.indexOf(']', index + 2);
        if (end !== -1) {
          literal += glob.slice(index, end + 1);
          index = end + 1;
          continue;
        }
      }
      if (inBraces && (char === ',' || char === '}')) break;
      if (char === '{') {
        index++;
        const alternatives: string[] = [];
        for (;;) {
          for (const alternative of sequence(true)) alternatives.push(alternative);
          if (alternatives.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`its braces give more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
          if (glob[index] === ',') index++;
          else {
            if (glob[index] === '}') index++;
            break;
          }
        }
        flush();
        results = product(results, alternatives);
        continue;
      }
      literal += char;
      index++;
    }
    flush();
    return results;
  };
  return sequence(false);
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      while (glob[index + 1] === '*' && glob[index + 2] === '*') index++;
      if (glob[index + 1] === '*') {
        index++;
        if (glob[index + 1] === '/') {
          index++;
          // `**/` matches zero or more folders; a trailing `**` matches everything below.
          tokens.push({ kind: 'folders' });
        } else tokens.push({ kind: 'all' });
      } else if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'one' });
    else if (char === '[' && glob.indexOf(']', index + 2) !== -1) {
      const end = glob.indexOf(']', index + 2);
      let body = glob.slice(index + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      let singles = '';
      const ranges: Array<[number, number]> = [];
      for (let at = 0; at < body.length; at++) {
        if (body[at + 1] === '-' && at + 2 < body.length) {
          const from = body.codePointAt(at)!;
          const to = body.codePointAt(at + 2)!;
          if (from > to) throw new GlobError(`the range ${body.slice(at, at + 3)} is backwards`);
          ranges.push([from, to]);
          at += 2;
        } else singles += body[at];
      }
      tokens.push({ kind: 'set', negated, singles, ranges });
      index = end;
    } else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

/** One alternative as an automaton over states 0…n (n = accept); `folders` tokens have a second, mid-name state. */
class Automaton {
  readonly #tokens: Token[];

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  test(path: string): boolean {
    const tokens = this.#tokens;
    const size = tokens.length + 1;
    // current[i]: at token i; inName[i]: inside a folder name consumed by a `folders` token i.
    let current = new Uint8Array(size);
    let inName = new Uint8Array(size);
    let next = new Uint8Array(size);
    let nextInName = new Uint8Array(size);
    const close = (states: Uint8Array) => {
      // Tokens that may match nothing let the automaton move on without a character.
      for (let state = 0; state < tokens.length; state++) {
        if (states[state] && tokens[state]!.kind !== 'char' && tokens[state]!.kind !== 'one' && tokens[state]!.kind !== 'set') states[state + 1] = 1;
      }
    };
    current[0] = 1;
    close(current);
    for (let at = 0; at < path.length; at++) {
      const char = path[at]!;
      const slash = char === '/';
      next.fill(0);
      nextInName.fill(0);
      let any = false;
      for (let state = 0; state < tokens.length; state++) {
        const token = tokens[state]!;
        if (inName[state] && token.kind === 'folders') {
          if (slash) next[state] = 1;
          else nextInName[state] = 1;
          any = true;
        }
        if (!current[state]) continue;
        let advance = false;
        switch (token.kind) {
          case 'char':
            advance = token.char === char;
            break;
          case 'one':
            advance = !slash;
            break;
          case 'set':
            advance = !slash && matchesSet(token, char) !== token.negated;
            break;
          case 'star':
            if (!slash) next[state] = 1;
            any ||= !slash;
            break;
          case 'all':
            next[state] = 1;
            any = true;
            break;
          case 'folders':
            if (slash) next[state] = 1;
            else nextInName[state] = 1;
            any = true;
            break;
        }
        if (advance) {
          next[state + 1] = 1;
          any = true;
        }
      }
      if (!any) return false;
      close(next);
      [current, next] = [next, current];
      [inName, nextInName] = [nextInName, inName];
    }
    return current[tokens.length] === 1;
  }
}

function matchesSet(token: Extract<Token, { kind: 'set' }>, char: string): boolean {
  if (token.singles.includes(char)) return true;
  const code = char.codePointAt(0)!;
  return token.ranges.some(([from, to]) => code >= from && code <= to);
}

/** A compiled glob: `test(path)` with `path` relative to its folder, forward slashes. */
export interface CompiledGlob {
  test(path: string): boolean;
}

/** Compiles a glob; throws with the reason when it is invalid or over the caps (see globProblem). */
export function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`it is longer than ${MAX_GLOB_LENGTH} characters`);
  const automata = expandBraces(glob).map((alternative) => new Automaton(tokenize(alternative)));
  return { test: (path) => automata.some((automaton) => automaton.test(path)) };
}

/** Why a glob cannot be used (too long, too many alternatives, a backwards range like [z-a]), or undefined. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

/** The globs that cannot be used. */
export function invalidGlobs(globs: readonly string[]): string[] {
  return globs.filter((glob) => globProblem(glob) !== undefined);
}

export class GlobSet {
  readonly #patterns: CompiledGlob[];

  /** An invalid glob matches nothing (callers report it with invalidGlobs). */
  constructor(globs: readonly string[]) {
    this.#patterns = globs.filter((glob) => globProblem(glob) === undefined).map(compileGlob);
  }

  /** `path` is relative to its workspace folder, with forward slashes. */
  matches(path: string): boolean {
    return this.#patterns.some((pattern) => pattern.test(path));
  }
}

/**
 * Whether a glob can reach outside the folder it is relative to: a `..` segment, an absolute path (`/…`,
 * `C:…`, `\\server`) or a home folder (`~`). Such globs are refused, never expanded.
 */
export function climbsOutOfFolder(glob: string): boolean {
  const slashed = glob.trim().replace(/\\/g, '/');
  return /(^|[/{,])\.\.([/},]|$)/.test(slashed) || slashed.startsWith('/') || slashed.startsWith('~') || /^[A-Za-z]:/.test(slashed);
}
