import { parseCorpusFile, type ParsedCorpusFile } from '../../src/core/corpus/parseFile';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { CARD_COMMANDS, renderHoverCard } from '../../src/core/hoverCard';
import { findActivity, showsLiterally, type Activity } from './markdownActivity';
import type { Suite } from './suite';

/** Strings that would do something if corpus text reached Markdown unescaped. `active`: the analyser must flag the raw string. */
export const PAYLOADS: ReadonlyArray<{ text: string; active: boolean }> = [
  { text: '[x](command:workbench.action.terminal.new)', active: true },
  { text: '[open](command:policyAnnotator.showRecord?%5B%22other%22%5D)', active: true },
  { text: '[x](javascript:alert(1))', active: true },
  { text: '[x](<command:evil>)', active: true },
  { text: '[x](command:evil "title")', active: true },
  { text: '\\\\[x](command:evil)', active: true },
  { text: '\\[x](command:evil)', active: false },
  { text: '*[x](command:evil)*', active: true },
  { text: '](command:evil) [', active: false },
  { text: '<img src=x onerror=alert(1)>', active: true },
  { text: '<a href="https://evil.example">x</a>', active: true },
  { text: '<script>alert(1)</script>', active: true },
  { text: '<!-- comment -->', active: true },
  { text: '<https://evil.example/auto>', active: true },
  { text: '$(zap) $(terminal)', active: true },
  { text: '![](https://tracker.example/x.png)', active: true },
  { text: '![alt][img]\n\n[img]: https://tracker.example/y.png', active: true },
  { text: '[x]: javascript:alert(1)', active: true },
  { text: 'https://evil.example/phish', active: true },
  { text: 'www.evil.example', active: true },
  { text: 'mail@evil.example', active: true },
  { text: '**bold** _em_ `code` ~~del~~', active: false },
  { text: '# heading\n\n> quote\n\n- item', active: false },
  { text: '|a|b|\n|-|-|', active: false },
  { text: '&#91;x&#93;(command:evil) &lt;b&gt;', active: false },
  { text: '\u202eexe.pdf \u200b zero width', active: false },
  { text: '布萊切利宣言 [布萊切利](command:evil) 宣言', active: true },
];

const FIELDS = ['title', 'originalTitle', 'publisher', 'author', 'summary', 'type', 'tags'] as const;
const SOURCE_URL = 'https://example.org/source?q=1';
const ALLOWED_URL = new URL(SOURCE_URL).href;

/** What the card should show for a field: newlines become spaces, the ends are trimmed, type is lower-cased. */
export function displayed(field: string, value: string): string {
  const shown = value.replace(/[\r\n]+/g, ' ').trim();
  // validate.ts cuts a type at 40 characters (with a warning).
  return field === 'type' ? value.trim().slice(0, 40).replace(/[\r\n]+/g, ' ').trim().toLowerCase() : shown;
}

/** Activities that are not ours: anything but our two commands with this record's id, and the record's own http(s) URL. */
export function foreignActivity(card: string, record: CorpusRecord, allowedUrl?: string): Activity[] {
  const ownArgs = encodeURIComponent(JSON.stringify([record.id]));
  const own = new Set([`command:${CARD_COMMANDS.openSource}?${ownArgs}`, `command:${CARD_COMMANDS.showRecord}?${ownArgs}`, ...(allowedUrl ? [allowedUrl] : [])]);
  return findActivity(card).filter((activity) => !(activity.kind === 'link' && own.has(activity.destination ?? '')));
}

/** Command links that VS Code would run when clicked: not one of our ids, or ours with someone else's arguments. */
export function commandsThatWouldRun(card: string, record: CorpusRecord): number {
  const ownArgs = encodeURIComponent(JSON.stringify([record.id]));
  return findActivity(card).filter((activity) => {
    const destination = activity.destination ?? '';
    if (!destination.startsWith('command:')) return false;
    const [id, args] = destination.slice('command:'.length).split('?');
    return !Object.values(CARD_COMMANDS).includes(id as never) || args !== ownArgs;
  }).length;
}

function markdownFile(fields: Record<string, unknown>): Uint8Array {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return new TextEncoder().encode(['---', ...lines, '---', 'body'].join('\n'));
}

export function runHostile(suite: Suite): void {
  // The analyser itself: every payload marked active is found when not escaped, none of the inert ones.
  let analyserHits = 0;
  for (const payload of PAYLOADS) {
    const found = findActivity(payload.text).length > 0;
    if (found === payload.active) analyserHits++;
    suite.check(`analyser classifies raw ${JSON.stringify(payload.text)} as ${payload.active ? 'active' : 'inert'}`, found === payload.active);
  }
  suite.figure('analyser self-test: raw payloads classified right', `${analyserHits} / ${PAYLOADS.length}`);

  let tried = 0;
  let foreign = 0;
  let commands = 0;
  let notLiteral = 0;
  for (const payload of PAYLOADS) {
    for (const field of FIELDS) {
      const base: Record<string, unknown> = { id: 'hostile-record', type: 'report', title: 'Hostile record', url: SOURCE_URL };
      base[field] = field === 'tags' ? [payload.text] : payload.text;
      const files: ParsedCorpusFile[] = [
        parseCorpusFile('file:///ws/corpus/hostile.md', markdownFile(base)),
        parseCorpusFile('file:///ws/corpus/hostile.json', new TextEncoder().encode(JSON.stringify([base], null, 2))),
      ];
      for (const file of files) {
        const record = file.records[0];
        if (!suite.check(`a record with a hostile ${field} is indexed (${file.uri})`, record !== undefined, JSON.stringify(file.problems))) continue;
        for (const language of ['zh', 'en'] as const) {
          tried++;
          const card = renderHoverCard(record!, language, { citedCount: 2, commands: true });
          const bad = foreignActivity(card, record!, ALLOWED_URL);
          foreign += bad.length;
          commands += commandsThatWouldRun(card, record!);
          suite.check(`no foreign link/image/HTML/icon: ${field} = ${JSON.stringify(payload.text)}`, bad.length === 0, JSON.stringify(bad));
          const expected = displayed(field, payload.text);
          const literal = showsLiterally(card, expected);
          if (!literal) notLiteral++;
          suite.check(`shown literally: ${field} = ${JSON.stringify(payload.text)}`, literal, card);
        }
      }
    }
  }
  suite.figure('hostile payloads tried (payload × field × format × language)', tried);
  suite.figure('active links/images/HTML/icons from corpus data', foreign);
  suite.figure('commands that would run from corpus data', commands);
  suite.figure('payloads not shown literally', notLiteral);
}
