/** A corpus record: one source document, person, organisation, place or concept an article can refer to. */
export interface CorpusRecord {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  /** Title in the original language, when `title` is a translation. */
  readonly originalTitle?: string;
  readonly aliases: readonly string[];
  /**
   * Aliases that are common words (合作備忘錄, MOU): they name this record only in an article that also
   * refers to it (or to a related record) by a strong name. Absent: the built-in rule decides (src/core/search/weakAliases.ts).
   */
  readonly weakAliases?: readonly string[];
  readonly lang?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date?: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly url?: string;
  /** ISO date of the last visit to `url`. */
  readonly accessed?: string;
  readonly summary: LocalizedText;
  readonly tags: readonly string[];
  readonly related: readonly string[];
  readonly body?: string;
  /** A DOI (10.xxxx/…), from a CSL-JSON, BibTeX or RIS library; linked as https://doi.org/… */
  readonly doi?: string;
  /** The item as the library wrote it, for records read from CSL-JSON, BibTeX or RIS (export round-trips it). */
  readonly imported?: ImportedSource;
  /** Names (normalised) the workspace's alias file says are not this record: no near-miss hint for them (aliasOverrides.ts). */
  readonly ignoredNearMisses?: readonly string[];
  readonly origin: RecordOrigin;
}

/** A library item as read: its format, its type there and its fields (CSL variables or BibTeX fields). */
export interface ImportedSource {
  readonly format: 'csl-json' | 'bibtex' | 'ris';
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface LocalizedText {
  readonly zh?: string;
  readonly en?: string;
}

/** Where a record came from: the file and the (0-based) line of the record and of each field. */
export interface RecordOrigin {
  /** A URI string: `file:`, a workspace URI, or `policy-annotator-embedded:` for the built-in corpus. */
  readonly uri: string;
  readonly line: number;
  readonly fieldLines: Readonly<Record<string, number>>;
  readonly embedded: boolean;
}

export type UiLanguage = 'zh' | 'en';
