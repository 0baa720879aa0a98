import type { CorpusRecord } from '../corpus/record';
import { formatMessage, msg, type Localizable } from '../util/messages';
import { detached } from '../util/text';

/** A message and its English text, filled in once. */
export interface Worded {
  readonly localizable: Localizable;
  readonly text: string;
}

export function worded(localizable: Localizable): Worded {
  return { localizable, text: formatMessage(localizable) };
}

/**
 * The messages the checks give in the same words on every keystroke: the incremental analysis checks the whole
 * article each time, and an article can have hundreds of placeholder links and repeated sources. Filling their
 * templates in again (a message, its arguments and the text joined from them, for each) was a fifth of what a
 * keystroke allocated. Here they are worded once per record and link text, or per line number. Every table is
 * bounded and starts again when full; a record's words go with the record (a corpus change makes new records).
 */
const MAX_WORDED = 2_000;

interface RecordWords {
  /** The placeholder message by the link's text (it quotes the text). */
  readonly byText: Map<string, Worded>;
  noUrl?: Worded;
  linkTo?: Worded;
}

const byRecord = new WeakMap<CorpusRecord, RecordWords>();
const withoutRecord = worded(msg('Placeholder link with no URL.'));

function wordsOf(record: CorpusRecord): RecordWords {
  let words = byRecord.get(record);
  if (!words) byRecord.set(record, (words = { byText: new Map() }));
  return words;
}

/** The message on a placeholder link; `url` is the record's link (hrefOf its URL) when it has one. */
export function placeholderMessage(text: string, record: CorpusRecord | undefined, url: string | undefined): Worded {
  if (!record) return withoutRecord;
  const words = wordsOf(record);
  if (!url) return (words.noUrl ??= worded(msg('Placeholder link with no URL ({0} has no URL in the corpus).', record.title)));
  const known = words.byText.get(text);
  if (known) return known;
  if (words.byText.size >= MAX_WORDED) words.byText.clear();
  const message = worded(msg('Placeholder link: "{0}" is {1}, at {2}.', short(text), record.title, url));
  // A copy as the key: the link text is a slice of one version of the document (see detached).
  words.byText.set(detached(text), message);
  return message;
}

/** The title of the fix that links a placeholder to the record's `url`. */
export function linkToTitle(record: CorpusRecord, url: string): Worded {
  return (wordsOf(record).linkTo ??= worded(msg('Link to {0}', url)));
}

const alreadyCited = new Map<number, Worded>();

/** The message on the second and later citations of one source, first cited on line `line` (1-based). */
export function alreadyCitedMessage(line: number): Worded {
  const known = alreadyCited.get(line);
  if (known) return known;
  if (alreadyCited.size >= MAX_WORDED) alreadyCited.clear();
  const message = worded(msg('This source is already cited on line {0}.', line));
  alreadyCited.set(line, message);
  return message;
}

export function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
