import type { CorpusRecord } from '../corpus/record';
import type { ReferenceSpan } from '../publish/referenceLinks';
import { recordHref, recordTooltip, tooltipText } from '../publish/referenceLinks';
import type { UiLanguage } from '../corpus/record';
import type { ResolvedDecision } from './decisionAnalysis';
import { decisionLabel, INTERPRETATION_URL } from './decisionCard';

/**
 * Decision references as links where their page is known: the decisions corpus record's URL, else the
 * interpretation page of a 釋字 (the one URL form a citation gives; see decisionCard.ts). Other decisions have
 * no stable address: they get the citation written out in full as a tooltip, and no link.
 */
export function decisionLinkSpans(references: readonly ResolvedDecision[], recordOf: (id: string) => CorpusRecord | undefined, language: UiLanguage): ReferenceSpan[] {
  const spans: ReferenceSpan[] = [];
  for (const reference of references) {
    const record = reference.id ? recordOf(reference.id) : undefined;
    const recordUrl = record ? recordHref(record) : undefined;
    const label = decisionLabel(reference);
    if (record && recordUrl) spans.push({ start: reference.start, end: reference.end, kind: 'decision', href: recordUrl, title: recordTooltip(record, language) });
    else if (reference.kind === 'interpretation' && reference.number !== undefined) spans.push({ start: reference.start, end: reference.end, kind: 'decision', href: INTERPRETATION_URL(reference.number), title: tooltipText(label) });
    else spans.push({ start: reference.start, end: reference.end, kind: 'decision', title: tooltipText(record ? recordTooltip(record, language) : label) });
  }
  return spans;
}
