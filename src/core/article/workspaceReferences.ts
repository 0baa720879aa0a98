import { lineIndexAt, type Line } from './lines';

/** Where an article cites a record: 0-based lines and UTF-16 characters, end exclusive. */
export interface ReferenceSite {
  readonly uri: string;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** One article citing a record, and how many times. */
export interface CitingArticle {
  readonly uri: string;
  readonly count: number;
  /** The first reference in the article (where clicking a backlink opens it). */
  readonly first: ReferenceSite;
}

/** The resolved references of one article, as the index needs them. */
export interface IndexedReference {
  readonly id?: string;
  readonly start: number;
  readonly end: number;
}

/** Four numbers per site: start line, start character, end line, end character. */
type Sites = Int32Array;

/**
 * Every article's resolved references by record, so Find All References and the Corpus view's backlinks
 * answer from memory instead of re-analysing every article of the workspace per request. The watcher feeds
 * it one file at a time (`setFile` / `deleteFile`); a file's entries are replaced as a whole, so the index
 * always equals a fresh scan of the files it was given.
 */
export class WorkspaceReferenceIndex {
  /** uri → the record ids it cites (to remove a file's entries without a scan). */
  readonly #idsByFile = new Map<string, readonly string[]>();
  /** record id → uri → sites. */
  readonly #byRecord = new Map<string, Map<string, Sites>>();
  #generation = 0;

  /** Changes whenever a file's entries change. */
  get generation(): number {
    return this.#generation;
  }

  get fileCount(): number {
    return this.#idsByFile.size;
  }

  hasFile(uri: string): boolean {
    return this.#idsByFile.has(uri);
  }

  files(): IterableIterator<string> {
    return this.#idsByFile.keys();
  }

  /** Replaces a file's entries with these references (sorted by start, as the analysis gives them). */
  setFile(uri: string, references: readonly IndexedReference[], lines: readonly Line[]): void {
    this.deleteFile(uri);
    const grouped = new Map<string, number[]>();
    for (const reference of references) {
      if (!reference.id) continue;
      let flat = grouped.get(reference.id);
      if (!flat) grouped.set(reference.id, (flat = []));
      const startLine = lineIndexAt(lines, reference.start);
      const endLine = lineIndexAt(lines, reference.end);
      flat.push(startLine, reference.start - lines[startLine]!.start, endLine, reference.end - lines[endLine]!.start);
    }
    for (const [id, flat] of grouped) {
      let files = this.#byRecord.get(id);
      if (!files) this.#byRecord.set(id, (files = new Map()));
      files.set(uri, Int32Array.from(flat));
    }
    this.#idsByFile.set(uri, [...grouped.keys()]);
    this.#generation++;
  }

  deleteFile(uri: string): void {
    const ids = this.#idsByFile.get(uri);
    if (!ids) return;
    for (const id of ids) {
      const files = this.#byRecord.get(id);
      files?.delete(uri);
      if (files?.size === 0) this.#byRecord.delete(id);
    }
    this.#idsByFile.delete(uri);
    this.#generation++;
  }

  clear(): void {
    this.#idsByFile.clear();
    this.#byRecord.clear();
    this.#generation++;
  }

  /** Whether any article cites the record (the Corpus view asks this for every record it draws). */
  isCited(id: string): boolean {
    return this.#byRecord.has(id);
  }

  /**
   * Every site citing the record, by uri then position, leaving out `exceptUri` (Find All References takes the
   * article it was asked from from the editor's own analysis, which is never behind the typing).
   */
  sitesOf(id: string, exceptUri?: string): ReferenceSite[] {
    const files = this.#byRecord.get(id);
    if (!files) return [];
    const sites: ReferenceSite[] = [];
    const uris = [...files.keys()].filter((uri) => uri !== exceptUri).sort();
    for (const uri of uris) {
      const flat = files.get(uri)!;
      for (let at = 0; at < flat.length; at += 4) sites.push(siteAt(uri, flat, at));
    }
    return sites;
  }

  /** The articles citing the record, most citations first (then by uri, so the order is stable). */
  citingArticles(id: string): CitingArticle[] {
    const files = this.#byRecord.get(id);
    if (!files) return [];
    return [...files]
      .map(([uri, flat]) => ({ uri, count: flat.length / 4, first: siteAt(uri, flat, 0) }))
      .sort((a, b) => b.count - a.count || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}

function siteAt(uri: string, flat: Sites, at: number): ReferenceSite {
  return { uri, startLine: flat[at]!, startCharacter: flat[at + 1]!, endLine: flat[at + 2]!, endCharacter: flat[at + 3]! };
}
