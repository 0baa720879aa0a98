/**
 * A renderer-independent analyser of Markdown: which constructs would be ACTIVE after CommonMark/GFM parsing
 * (links, images, raw HTML and autolinks, bare-URL and e-mail autolinks, reference definitions, theme icons).
 * It follows the one rule that makes text literal: a backslash before an ASCII punctuation character, and code
 * spans. It is deliberately over-eager (it counts anything that MIGHT become active), so a count of zero is
 * meaningful; its own self-test feeds it known-active strings so it cannot pass vacuously.
 */
export type ActivityKind = 'link' | 'image' | 'html' | 'autolink' | 'bare-url' | 'email' | 'reference-definition' | 'icon';

export interface Activity {
  readonly kind: ActivityKind;
  readonly start: number;
  /** For links and images: the destination as written. */
  readonly destination?: string;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** `true` at each index whose character can take part in Markdown syntax (not escaped, not in a code span). */
export function activeCharacters(markdown: string): boolean[] {
  const active = new Array<boolean>(markdown.length).fill(true);
  for (let index = 0; index < markdown.length; index++) {
    if (markdown[index] === '\\' && index + 1 < markdown.length && ASCII_PUNCTUATION.test(markdown[index + 1]!)) {
      active[index] = false;
      active[index + 1] = false;
      index++;
    }
  }
  // Code spans: an active backtick run closed by an active run of the same length; all inside is literal.
  for (let index = 0; index < markdown.length; index++) {
    if (markdown[index] !== '`' || !active[index]) continue;
    let length = 0;
    while (markdown[index + length] === '`') length++;
    let close = index + length;
    let found = -1;
    while (close < markdown.length) {
      if (markdown[close] === '`' && active[close]) {
        let run = 0;
        while (markdown[close + run] === '`') run++;
        if (run === length) {
          found = close;
          break;
        }
        close += run;
      } else close++;
    }
    if (found === -1) {
      index += length - 1;
      continue;
    }
    for (let inner = index; inner < found + length; inner++) active[inner] = false;
    index = found + length - 1;
  }
  return active;
}

export function findActivity(markdown: string): Activity[] {
  const active = activeCharacters(markdown);
  const is = (index: number, char: string) => markdown[index] === char && active[index] === true;
  const activities: Activity[] = [];
  /** Link destinations: their text is a URL by design and is not scanned for bare URLs. */
  const destinations: Array<[number, number]> = [];

  for (let index = 0; index < markdown.length; index++) {
    if (is(index, '[')) {
      const close = matching(markdown, active, index, '[', ']');
      if (close === -1) continue;
      const lineStart = /^ {0,3}$/.test(markdown.slice(markdown.lastIndexOf('\n', index - 1) + 1, index));
      if (is(close + 1, '(')) {
        const end = matching(markdown, active, close + 1, '(', ')');
        const destination = markdown.slice(close + 2, end === -1 ? markdown.length : end).trim();
        activities.push({ kind: index > 0 && is(index - 1, '!') ? 'image' : 'link', start: index, destination });
        destinations.push([close + 2, end === -1 ? markdown.length : end]);
      } else if (is(close + 1, ':') && lineStart) {
        activities.push({ kind: 'reference-definition', start: index, destination: markdown.slice(close + 2).split('\n')[0]!.trim() });
      }
    } else if (is(index, '<') && /[A-Za-z/!?]/.test(markdown[index + 1] ?? '')) {
      activities.push({ kind: /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/.test(markdown.slice(index)) ? 'autolink' : 'html', start: index });
    } else if (is(index, '$') && is(index + 1, '(')) {
      activities.push({ kind: 'icon', start: index });
    }
  }
  const inDestination = (index: number) => destinations.some(([start, end]) => index >= start && index < end);
  // Bare URLs (GFM extended autolinks): every character of the marker must be active.
  for (const marker of ['http://', 'https://', 'ftp://', 'www.', 'mailto:', 'xmpp:']) {
    for (let index = markdown.toLowerCase().indexOf(marker); index !== -1; index = markdown.toLowerCase().indexOf(marker, index + 1)) {
      if (inDestination(index)) continue;
      if ([...marker].every((_, offset) => active[index + offset])) activities.push({ kind: 'bare-url', start: index });
    }
  }
  for (let index = markdown.indexOf('@'); index !== -1; index = markdown.indexOf('@', index + 1)) {
    if (!active[index] || inDestination(index)) continue;
    // local@domain.tld with an active dot in the domain.
    if (/[A-Za-z0-9._+-]$/.test(markdown.slice(0, index)) && /^[A-Za-z0-9-]+\.[A-Za-z0-9]/.test(markdown.slice(index + 1))) {
      const dot = markdown.indexOf('.', index);
      if (active[dot]) activities.push({ kind: 'email', start: index });
    }
  }
  return activities.sort((a, b) => a.start - b.start);
}

function matching(text: string, active: boolean[], open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (!active[index]) continue;
    if (text[index] === opener) depth++;
    else if (text[index] === closer && --depth === 0) return index;
    else if (text[index] === '\n' && text[index + 1] === '\n') return -1;
  }
  return -1;
}

/**
 * Whether `markdown` shows `expected` literally somewhere: every ASCII punctuation character of the expected
 * text appears backslash-escaped, every other character as itself. Independent of the escaper under test.
 */
export function showsLiterally(markdown: string, expected: string): boolean {
  if (expected.length === 0) return true;
  const active = activeCharacters(markdown);
  for (let start = 0; start < markdown.length; start++) {
    let position = start;
    let ok = true;
    for (const char of expected) {
      if (ASCII_PUNCTUATION.test(char)) {
        if (markdown[position] === '\\' && markdown[position + 1] === char && !active[position + 1]) position += 2;
        else {
          ok = false;
          break;
        }
      } else if (markdown.startsWith(char, position)) position += char.length;
      else {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}
