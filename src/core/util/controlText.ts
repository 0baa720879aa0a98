/**
 * The one place that decides which characters of untrusted data must never reach a terminal, a CI log or a
 * JSON consumer raw: C0 controls (ESC starts CSI/OSC sequences: clear screen, OSC 8 links, OSC 52 clipboard;
 * CR and LF forge whole lines), DEL, C1 controls (0x9B is a one-byte CSI on many terminals), bidi controls
 * (they reorder what is shown: "Trojan Source") and the Unicode line/paragraph separators.
 * Every piece of data the CLI prints goes through `terminalSafe` (text output) or `jsonSafe` (JSON, SARIF).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function hex4(char: string): string {
  return char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Data made printable on one line: each unsafe character becomes a visible `\u{XXXX}` (so `\n` inside a title
 * cannot start a new output line and ESC cannot start a sequence); a backslash stays a backslash.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${hex4(char)}}`);
}

/**
 * A JSON document with every unsafe character inside its strings written as a `\uXXXX` escape. JSON.stringify
 * already escapes C0; this adds DEL, C1, bidi controls and U+2028/2029. Lossless: parsing gives the same data.
 * Only characters inside strings can be unsafe here (the document's own layout is spaces and line feeds, which
 * JSON.stringify never leaves raw inside a string), so the line feeds between tokens are kept.
 */
export function jsonSafe(json: string): string {
  // The same character set as terminalSafe; the only raw C0 left by JSON.stringify is the layout's line feed.
  return json.replace(UNSAFE, (char) => (char === '\n' ? char : `\\u${hex4(char).toLowerCase()}`));
}

/** A JSON.stringify that is safe to print. */
export function safeJsonStringify(value: unknown, space?: number): string {
  return jsonSafe(JSON.stringify(value, null, space));
}
