/**
 * A URL in a form where the same page written two ways compares equal: scheme and host lower-cased, the
 * scheme itself dropped (http and https name the same page here), default ports, `www.`, fragments and
 * trailing slashes removed. Query strings are kept: they often select the document (?pcode=…).
 */
export function canonicalUrl(value: string): string | undefined {
  const url = parseHttpUrl(value);
  if (!url) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let pathname = url.pathname;
  try {
    pathname = decodeURI(pathname);
  } catch {
    // keep the encoded form
  }
  pathname = pathname.replace(/\/+$/, '');
  return `${host}${port}${pathname}${url.search}`;
}

/** The URL when `value` is an absolute http(s) URL; anything else (javascript:, command:, file: …) is refused. */
export function parseHttpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
