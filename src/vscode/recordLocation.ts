import * as vscode from 'vscode';
import type { CorpusRecord } from '../core/corpus/record';
import { parseHttpUrl } from '../core/search/urls';

/** Where a record is written: its corpus file (a read-only virtual document for embedded records) and line. */
export function recordLocation(record: CorpusRecord): vscode.Location {
  const line = record.origin.line;
  return new vscode.Location(vscode.Uri.parse(record.origin.uri), new vscode.Range(line, 0, line, 0));
}

/** The record's source: its http(s) URL, else its corpus file at the record's line. */
export function recordTarget(record: CorpusRecord): vscode.Uri {
  const url = record.url ? parseHttpUrl(record.url) : undefined;
  if (url) return vscode.Uri.parse(url.href, true);
  return vscode.Uri.parse(record.origin.uri).with({ fragment: `L${record.origin.line + 1}` });
}
