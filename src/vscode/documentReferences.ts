import type * as vscode from 'vscode';
import type { CorpusIndex } from '../core/search/corpusIndex';
import { findMentionReferences, VersionedCache, type MentionReference } from '../core/documentReferences';

/** References of open documents, computed once per document version and index generation. */
export class DocumentReferences {
  readonly #cache = new VersionedCache<MentionReference[]>();

  constructor(private readonly index: CorpusIndex) {}

  get(document: vscode.TextDocument): MentionReference[] {
    return this.#cache.get(document.uri.toString(), `${document.version}:${this.index.generation}`, () =>
      findMentionReferences(this.index, document.getText()),
    );
  }
}
