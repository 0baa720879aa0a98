import type { CslItem } from '../core/export/cslItem';
import { StyleError, styleTextProblem, type CitationStyles } from '../core/styles/citationStyles';
import { recordToStyleItem } from '../core/styles/styleItems';
import houseStyle from './house.csl';
import locales from '@citation-js/plugin-csl/lib/locales.json';
import styles from '@citation-js/plugin-csl/lib/styles.json';

// citeproc is CommonJS with no types: required, and given the few members used here.
interface CiteprocEngine {
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}
interface Citeproc {
  Engine: new (sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): CslItem }, style: string, lang?: string, forceLang?: boolean) => CiteprocEngine;
  Output: { Formats: Record<string, Record<string, unknown>> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CSL = require('citeproc') as Citeproc;

// Markdown output: the text format, with italics as *…* (the house style's titles).
CSL.Output.Formats.markdown = { ...CSL.Output.Formats.text, '@font-style/italic': '*%%STRING%%*' };

const shippedLocales = locales as Record<string, string>;
const shippedStyles = styles as Record<string, string>;

/**
 * The locale citeproc asks for. Only the locales @citation-js/plugin-csl ships are here (en-US and four
 * European ones); any other (zh-TW for a Chinese item) gets en-US's terms. The house style writes its
 * Chinese punctuation and dates literally, so it needs no Chinese terms. Nothing is ever fetched.
 */
function retrieveLocale(lang: string): string {
  return shippedLocales[lang] ?? shippedLocales[`${lang.split('-')[0]}-${lang.split('-')[0]!.toUpperCase()}`] ?? shippedLocales['en-US']!;
}

/**
 * Engines by style text, the last few kept: building one parses the style (APA: ~1 s of CPU), rendering with
 * it takes milliseconds. Each engine reads its items from its own map, refilled on every render.
 */
const engines = new Map<string, { engine: CiteprocEngine; items: Map<string, CslItem> }>();
const MAX_ENGINES = 4;

function engineFor(style: string): { engine: CiteprocEngine; items: Map<string, CslItem> } {
  const cached = engines.get(style);
  if (cached) {
    engines.delete(style);
    engines.set(style, cached);
    return cached;
  }
  const items = new Map<string, CslItem>();
  let engine: CiteprocEngine;
  try {
    engine = new CSL.Engine({ retrieveLocale, retrieveItem: (id) => items.get(id)! }, style, 'en-US', true);
    engine.setOutputFormat('markdown');
  } catch {
    // citeproc throws strings that quote the style: the message names only the kind of fault.
    throw new StyleError('the CSL processor could not read the style');
  }
  engines.set(style, { engine, items });
  if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
  return { engine, items };
}

export const citationStyles: CitationStyles = {
  builtIn(name) {
    if (name === 'house') return houseStyle;
    if (name === 'apa') return shippedStyles.apa;
    return undefined;
  },
  render(style, items) {
    const problem = styleTextProblem(style);
    if (problem) throw new StyleError(problem);
    const { engine, items: current } = engineFor(style);
    current.clear();
    for (const item of items) current.set(item.id, item);
    try {
      // The engine keeps the items it has seen by id: emptied first, so an edited record is read afresh.
      engine.updateItems([]);
      engine.updateItems(items.map((item) => item.id));
    } catch {
      throw new StyleError('the CSL processor could not render the items in this style');
    }
    const bibliography = engine.makeBibliography();
    if (!bibliography) throw new StyleError('the style has no bibliography');
    const [meta, entries] = bibliography;
    const byEntry = new Map(meta.entry_ids.map((ids, index) => [ids[0]!, entries[index]!.replace(/\s+$/, '')]));
    return items.map((item) => byEntry.get(item.id) ?? '');
  },
  renderRecords(records, style, today, house) {
    const lines = citationStyles.render(style, records.map((record) => recordToStyleItem(record, today, house)));
    return new Map(records.map((record, index) => [record.id, lines[index]!]));
  },
};

export function loadCitationStyles(): Promise<CitationStyles> {
  return Promise.resolve(citationStyles);
}
