/**
 * Every statute reference the detector finds has, on each line it touches, an article marker (第, 條, §) or
 * an opening bracket of a cited name (《「〈『): a chain of cites starts at 第, § or a number with 條, and a law
 * cited without an article is a bracketed name. So a line with none of them holds no reference, and a hover
 * there needs no law index: the statute hover answers at once while the index is still loading (a test
 * checks the rule on every labelled statute case).
 */
const MARKERS = /[第條条§《「〈『]/;

export function lineMayCiteStatute(line: string): boolean {
  return MARKERS.test(line);
}
