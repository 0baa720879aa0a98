import { parseHttpUrl } from '../search/urls';

/**
 * Escapes untrusted text (corpus files come from cloned repositories) so Markdown shows it literally:
 * every ASCII punctuation character is backslash-escaped (CommonMark allows it for all of them), which
 * also defeats GFM autolinks (`https\:\/\/…`), `$(icon)` syntax and HTML tags. Line breaks become spaces.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/** Returns a link destination only for http(s) URLs, with the characters that would end or escape it encoded. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  const url = value ? parseHttpUrl(value) : undefined;
  return url?.href.replace(/[()<>[\]\\\s"'`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The Wayback Machine's copy of `url` as of the last visit: `https://web.archive.org/web/<YYYYMMDD>/<url>`.
 * Only for http(s) URLs and an ISO visit date; a link to offer, never fetched. Escaped like safeHttpUrl.
 */
export function archivedCopyUrl(url: string | undefined, visited: string | undefined): string | undefined {
  const target = safeHttpUrl(url);
  const date = visited ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(visited.trim()) : null;
  if (!target || !date) return undefined;
  return `https://web.archive.org/web/${date[1]}${date[2] ?? '01'}${date[3] ?? '01'}/${target}`;
}
