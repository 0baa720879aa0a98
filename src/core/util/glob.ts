/**
 * A small glob matcher for corpus include/exclude patterns, the same in the extension (watcher events)
 * and the CLI: `**` any number of folders, `*` and `?` within one name, `{a,b}` alternatives, `[abc]` sets.
 * Compiled to a regular expression without nested quantifiers, so matching is linear.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  let inBraces = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        index++;
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (glob[index + 1] === '/') {
          index++;
          pattern += '(?:[^/]*/)*';
        } else pattern += '.*';
      } else pattern += '[^/]*';
    } else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      inBraces++;
      pattern += '(?:';
    } else if (char === '}' && inBraces > 0) {
      inBraces--;
      pattern += ')';
    } else if (char === ',' && inBraces > 0) pattern += '|';
    else if (char === '[') {
      const end = glob.indexOf(']', index + 1);
      if (end === -1) pattern += '\\[';
      else {
        const body = glob.slice(index + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^');
        pattern += `[${body}]`;
        index = end;
      }
    } else pattern += char.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (inBraces-- > 0) pattern += ')';
  return new RegExp(`^${pattern}$`);
}

/** The globs that cannot be compiled (a character class like [z-a]). */
export function invalidGlobs(globs: readonly string[]): string[] {
  return globs.filter((glob) => {
    try {
      globToRegExp(glob);
      return false;
    } catch {
      return true;
    }
  });
}

export class GlobSet {
  readonly #patterns: RegExp[];

  /** An invalid glob matches nothing (callers report it with invalidGlobs). */
  constructor(globs: readonly string[]) {
    this.#patterns = globs.filter((glob) => invalidGlobs([glob]).length === 0).map(globToRegExp);
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
