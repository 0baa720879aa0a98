/**
 * Types and constants the law modules share (the index, the file readers, the detector): kept apart so the
 * modules import this file rather than each other, and the law layer has no import cycle.
 */

/** A PCode of the national law database: letters, digits, _ and -. */
export const PCODE = /^[A-Za-z0-9_-]{1,32}$/;

export interface LawEntry {
  readonly pcode: string;
  readonly name: string;
  readonly english?: string;
  /** YYYYMMDD, the last amendment. */
  readonly lastUpdate?: string;
  /** From aliases.json. */
  readonly aliases: readonly string[];
  /** Our own unambiguous short forms (see SHORT_NAME_RULES). */
  readonly shortNames: readonly string[];
  /** Short names derived by the rules of derivedNames.ts that no other law shares. */
  readonly derivedNames?: readonly string[];
}

/** An old name of today's law. */
export interface LawNote {
  readonly kind: 'renamed' | 'replaced';
  readonly oldName: string;
  /** YYYYMMDD. */
  readonly date: string;
  readonly oldPcode?: string;
}

/** A law name found in text, resolved to a law of the index. */
export interface LawNameHit {
  readonly pcode: string;
  /** How the name matched: the official name, a short name from aliases.json, or one of our own short forms. */
  readonly match: 'name' | 'alias' | 'short' | 'derived' | 'renamed';
  /** An old name of today's law (renamed, or replaced when abolished). */
  readonly note?: LawNote;
}

/** What the detector needs of the law index. */
export interface LawNameLookup {
  /** Length of the longest known name or alias: how far back a bare name is looked for. */
  readonly maxNameLength: number;
  find(name: string): LawNameHit | undefined;
  /** Known names that start with `prefix` and go on with 第 (行政訴訟法第四十九條之一…辦法 continues 行政訴訟法). */
  namesContinuing(prefix: string): readonly string[];
  /** The laws a derived short name may mean when several laws share it. */
  ambiguous?(name: string): readonly string[] | undefined;
  /** A law's official name. */
  nameOf?(pcode: string): string | undefined;
  /** find() and ambiguous() at once (one normalisation), when the lookup offers it. */
  lookup?(name: string): { readonly hit?: LawNameHit; readonly candidates?: readonly string[] } | undefined;
}

export type LawVia = 'name' | 'alias' | 'short' | 'derived' | 'renamed' | 'defined' | 'bracket' | 'context';
