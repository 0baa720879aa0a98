import fc from 'fast-check';
import { safeJsonStringify } from '../../src/core/util/controlText';
import { parseArticle } from '../../src/core/article/article';
import { parseCitationLine } from '../../src/core/article/citationLine';
import { validateRecord } from '../../src/core/corpus/validate';
import { renderHoverCard } from '../../src/core/hoverCard';
import { normalizeWithOffsets, toOriginalRange } from '../../src/core/search/normalize';
import { displayed, foreignActivity } from './hostile';
import { showsLiterally } from './markdownActivity';
import { controlRatios, INPUT_FACTOR, RATIO_BOUND, timeRatio } from './linearTime';
import type { Suite } from './suite';

/** Pieces that mean something to Markdown, to URLs, to the article model or to normalisation, mixed with anything. */
const PIECES = [
  '[', ']', '(', ')', '![', '](', '<', '>', '$(', '\\', '`', '``', '*', '**', '_', ':', '/', '.', '@', '#', '&', '&#91;', '|', '~', '"', "'",
  'http://', 'https://', 'www.', 'command:', 'javascript:', 'data:', 'mailto:', '\n', '\r\n', '\n\n', ' ', '\t', '---', '```', '<!--', '-->',
  '資料來源', '相關連結', '文章標籤', '- ', '1. ', '[@', ';', '，', '（', '）', '《', '》', '·', '・', 'Ａ', '㈠', 'ﷺ', 'e\u0301', '\u0301', '\ud83d\ude00', '\ud800',
  '(last visit June 30, 2024)', '（最後瀏覽日：113年6月30日）', '2024年4月1日', '113年', 'U.K.', 'AI',
];
const markdownish = (maxLength: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength }).map((parts) => parts.join(''));

const FIELDS = ['title', 'originalTitle', 'publisher', 'author', 'summary', 'type', 'tags'] as const;

export function runProperties(suite: Suite, seed: number): void {
  const seeds: string[] = [];
  let runs = 0;
  const property = <T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, numRuns: number, propertySeed: number) => {
    seeds.push(String(propertySeed));
    const result = fc.check(fc.property(arbitrary, predicate), { numRuns, seed: propertySeed });
    runs += result.numRuns;
    suite.check(`property: ${name} (${result.numRuns} runs, seed ${propertySeed})`, !result.failed, result.failed ? `counterexample ${JSON.stringify(result.counterexample)} path ${result.counterexamplePath}: ${String(result.errorInstance)}` : undefined);
  };

  // 1. Any string in any corpus field: the card shows it literally and holds no link or image but ours.
  property(
    'hover card shows any field literally and activates nothing',
    fc.record({ field: fc.constantFrom(...FIELDS), value: markdownish(40), language: fc.constantFrom('zh' as const, 'en' as const) }),
    ({ field, value, language }) => {
      const raw: Record<string, unknown> = { id: 'property-record', type: 'report', title: 'Property record', url: 'https://example.org/p' };
      raw[field] = field === 'tags' ? [value] : value;
      const validated = validateRecord(raw, { uri: 'file:///ws/corpus/p.md', line: 0, fieldLines: {}, embedded: false });
      const record = validated.record;
      if (!record) return field === 'title' && value.trim() === '';
      const card = renderHoverCard(record, language, { citedCount: 1, commands: true });
      const expected = displayed(field, value);
      const shown = field === 'title' && expected === '' ? true : showsLiterally(card, expected);
      return shown && foreignActivity(card, record, new URL('https://example.org/p').href).length === 0;
    },
    3_000,
    seed,
  );

  // 2. Normalisation offsets always point inside the original text, in order, on code-point boundaries.
  property(
    'normalisation offsets point inside the original text',
    fc.oneof(markdownish(60), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
    (text) => {
      const normalized = normalizeWithOffsets(text);
      const { offsets } = normalized;
      if (offsets.length !== normalized.text.length + 1 || offsets[normalized.text.length] !== text.length) return false;
      for (let index = 0; index < offsets.length; index++) {
        const offset = offsets[index]!;
        if (offset > text.length || (index > 0 && offset < offsets[index - 1]!)) return false;
        const unit = text.charCodeAt(offset);
        const previous = text.charCodeAt(offset - 1);
        if (unit >= 0xdc00 && unit <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) return false;
      }
      for (let start = 0; start < normalized.text.length; start++) {
        const range = toOriginalRange(normalized, start, Math.min(normalized.text.length, start + 3));
        if (range.start < 0 || range.end > text.length || range.start > range.end) return false;
      }
      return true;
    },
    3_000,
    seed + 1,
  );

  // 3. The article parser and the citation-line parser never throw.
  property('parseArticle never throws', markdownish(120), (text) => parseArticle(text).text === text, 2_000, seed + 2);
  property('parseCitationLine never throws', markdownish(60), (text) => typeof parseCitationLine(text) === 'object', 3_000, seed + 3);

  // 4. Linear time: a repeated unit, parsed once at 16n characters and 16 times at n (see linearTime.ts).
  const ratios: number[] = [];
  let worst = { ratio: 0, unit: '' };
  const linear = (name: string, parse: (text: string) => unknown, size: number, runsWanted: number, propertySeed: number) =>
    property(
      `${name} runs in linear time (${INPUT_FACTOR}× the input, < ${RATIO_BOUND}× the time; n^1.5 ≈ 64×)`,
      markdownish(12).filter((unit) => unit.length > 0),
      (unit) => {
        const ratio = timeRatio(parse, unit, size, 'lowest');
        ratios.push(ratio);
        if (ratio > worst.ratio) worst = { ratio, unit: `${name} on ${safeJsonStringify(unit)}` };
        return ratio < RATIO_BOUND;
      },
      runsWanted,
      propertySeed,
    );
  // The measurement itself must catch n^1.5 and quadratic work, or passing it would mean nothing.
  const controls = controlRatios();
  suite.check(`the linear-time measurement flags an n^1.5 function (${INPUT_FACTOR}× the input)`, controls.nToTheOnePointFive >= RATIO_BOUND, controls.nToTheOnePointFive.toFixed(1));
  suite.check(`the linear-time measurement flags a quadratic function (${INPUT_FACTOR}× the input)`, controls.quadratic >= RATIO_BOUND, controls.quadratic.toFixed(1));
  linear('parseArticle', parseArticle, 40_000, 25, seed + 4);
  linear('parseCitationLine', parseCitationLine, 8_000, 40, seed + 5);

  suite.figure('property runs (fast-check)', runs);
  suite.figure('  seeds (hover, normalise, parseArticle, parseCitationLine, the two linear-time)', seeds.join(', '));
  suite.figure(`  worst time ratio at ${INPUT_FACTOR}× the input (linear ≈ ${INPUT_FACTOR}; controls n^1.5 and quadratic measured)`, `${Math.max(...ratios).toFixed(1)}, ${worst.unit} (controls ${controls.nToTheOnePointFive.toFixed(1)}, ${controls.quadratic.toFixed(1)})`);
}
