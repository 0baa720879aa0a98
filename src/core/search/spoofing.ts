/**
 * Names that normalisation would turn into everyday text they do not show: NFKC folds `㊀` into 一, `①` into 1,
 * the Kangxi radical `⼈` into 人 and the mathematical `𝐀` into A, so an alias `㊀` would match every 一 in an
 * article, and `⼈⼯智慧` (identical on screen) would pass for 人工智慧. Such a name is refused (with a
 * diagnostic) and never matched. Full-width forms (ＡＩ, （）) and the ideographic space are ordinary in
 * Chinese text and fold as before. A name of one character (after trimming) is refused too: it would match
 * everywhere.
 */
export type NameRefusal = 'compatibility-characters' | 'too-short';

export function nameRefusal(name: string): NameRefusal | undefined {
  const trimmed = name.trim();
  if (trimmed.length < 2 || (trimmed.length === 2 && trimmed.codePointAt(0)! > 0xffff)) return 'too-short';
  // By code point, with no string per character (the index asks this of every name of the corpus, issue 19).
  for (let index = 0; index < trimmed.length; ) {
    const code = trimmed.codePointAt(index)!;
    const size = code > 0xffff ? 2 : 1;
    index += size;
    // ASCII and the CJK Unified Ideographs (most names) have no compatibility forms: no normalisation needed.
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) continue;
    if ((code >= 0xff00 && code <= 0xffef) || code === 0x3000) continue;
    const char = trimmed.slice(index - size, index);
    if (char.normalize('NFKC') !== char.normalize('NFC')) return 'compatibility-characters';
  }
  return undefined;
}
