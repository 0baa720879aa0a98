import type MarkdownIt from 'markdown-it';
import type { ReferenceLinkPlan, ReferenceSpan } from './referenceLinks';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

export interface ReferencesPluginOptions {
  /**
   * The plan for the text being rendered, or undefined to render it plain (the preview is off, the corpus is
   * not loaded yet). Called once per parse, synchronously: it must not wait for anything.
   */
  plan(text: string, env: unknown): ReferenceLinkPlan | undefined;
}

/** Classes the page's and the preview's style sheets know. */
export const CLASSES = {
  reference: 'pa-ref',
  placeholder: 'pa-placeholder',
  source: 'pa-source',
  sourcesHeading: 'pa-sources-heading',
} as const;

/** Only our own kinds of href ever reach a token: http(s) URLs (already percent-encoded) and this page's anchors. */
const SAFE_HREF = /^(?:https?:\/\/[^\s"'<>`]+|#pa-source-\d+)$/i;
/** Text tokens that cannot be found in the source before linking stops for the rest of the parse (bounds the work). */
const MAX_MISSES = 64;

/**
 * A markdown-it plugin: links the references an article's analysis found (see referenceLinks.ts). It works on
 * whichever markdown-it instance it is given (VS Code's preview has its own) and adds one core rule after
 * linkify. Text tokens carry no source offsets, so each inline block's text tokens are found in the source from
 * the block's first line on, in order (markdown-it 14 keeps a text token an exact slice of the source; escapes
 * and entities are tokens of their own); a reference is linked only when it lies inside one text token, so
 * nested formatting stays intact, and never inside a link, code, HTML, an image's text or a heading.
 */
export function markdownItReferences(md: MarkdownIt, options: ReferencesPluginOptions): void {
  const rule = (state: StateCore) => linkReferences(state, options);
  try {
    md.core.ruler.after('linkify', 'policy_annotator_references', rule);
  } catch {
    // An instance without linkify: right after the inline parse then.
    md.core.ruler.push('policy_annotator_references', rule);
  }
}

function linkReferences(state: StateCore, options: ReferencesPluginOptions): void {
  const plan = options.plan(state.src, state.env);
  if (!plan || plan.text !== state.src) return;
  const anchorsByLine = new Map(plan.anchors.map((anchor) => [anchor.line, anchor]));
  const placed = new Set<string>();
  const sourcesHeadings = new Set(plan.sourcesHeadingLines);
  const budget = { misses: 0 };
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const line = token.map?.[0];
    if (line !== undefined && token.nesting === 1) {
      const anchor = anchorsByLine.get(line);
      // An entry's first block (the list item, or its paragraph when it is not in a list) carries the anchor.
      if (anchor && !placed.has(anchor.id) && (token.type === 'list_item_open' || token.type === 'paragraph_open')) {
        placed.add(anchor.id);
        token.attrSet('id', anchor.id);
        token.attrJoin('class', CLASSES.source);
      }
      if (sourcesHeadings.has(line) && (token.type === 'paragraph_open' || token.type === 'heading_open')) token.attrJoin('class', CLASSES.sourcesHeading);
    }
    if (token.type !== 'inline' || !token.children || !token.map || tokens[index - 1]?.type === 'heading_open') continue;
    if (budget.misses >= MAX_MISSES) continue;
    const blockStart = plan.lineStarts[token.map[0]] ?? state.src.length;
    const blockEnd = plan.lineStarts[token.map[1]] ?? state.src.length;
    token.children = linkChildren(token.children, { state, plan, blockStart, blockEnd, budget, anchors: plan.anchors.filter((anchor) => !placed.has(anchor.id) && anchor.start >= blockStart && anchor.start < blockEnd), placed });
  }
}

interface BlockContext {
  readonly state: StateCore;
  readonly plan: ReferenceLinkPlan;
  readonly blockStart: number;
  readonly blockEnd: number;
  readonly budget: { misses: number };
  /** Citation lines inside this block that did not start it (several entries in one paragraph). */
  readonly anchors: ReadonlyArray<{ readonly start: number; readonly id: string }>;
  readonly placed: Set<string>;
}

function linkChildren(children: Token[], context: BlockContext): Token[] {
  const { state, plan, blockEnd } = context;
  const out: Token[] = [];
  let cursor = context.blockStart;
  let linkDepth = 0;
  let nextAnchor = 0;
  const locate = (content: string): number => {
    if (content === '') return -1;
    const found = state.src.indexOf(content, cursor);
    if (found === -1 || found + content.length > blockEnd) {
      context.budget.misses++;
      return -1;
    }
    return found;
  };
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'link_open') {
      linkDepth++;
      markLink(child, children, index, locate, plan);
      out.push(child);
      continue;
    }
    if (child.type === 'link_close') {
      linkDepth = Math.max(0, linkDepth - 1);
      out.push(child);
      continue;
    }
    if (child.type !== 'text') {
      out.push(child);
      continue;
    }
    const start = locate(child.content);
    if (start === -1) {
      out.push(child);
      continue;
    }
    cursor = start + child.content.length;
    while (nextAnchor < context.anchors.length && context.anchors[nextAnchor]!.start < start) nextAnchor++;
    const anchor = context.anchors[nextAnchor];
    if (anchor && anchor.start === start && !context.placed.has(anchor.id)) {
      context.placed.add(anchor.id);
      const open = new state.Token('pa_anchor_open', 'span', 1);
      open.attrSet('id', anchor.id);
      open.attrSet('class', CLASSES.source);
      out.push(open, new state.Token('pa_anchor_close', 'span', -1));
    }
    if (linkDepth > 0) out.push(child);
    else for (const piece of splitText(child, start, plan.spans, state)) out.push(piece);
  }
  return out;
}

/** A link's tooltip when its text resolves to a record; a placeholder link (`#` or nothing) gets a class and says so. */
function markLink(open: Token, children: Token[], index: number, locate: (content: string) => number, plan: ReferenceLinkPlan): void {
  let textStart: number | undefined;
  for (let next = index + 1; next < children.length && children[next]!.type !== 'link_close'; next++) {
    if (children[next]!.type === 'text') {
      const found = locate(children[next]!.content);
      if (found !== -1) textStart = found;
      break;
    }
  }
  const title = textStart === undefined ? undefined : titleOfLinkAt(plan, textStart);
  const href = open.attrGet('href') ?? '';
  if (href === '' || href === '#') {
    open.attrJoin('class', CLASSES.placeholder);
    open.attrSet('title', title ? `${plan.placeholderTitle} · ${title}` : plan.placeholderTitle);
  } else if (title && !open.attrGet('title')) open.attrSet('title', title);
}

/** The link text may begin with formatting (`[**x**](…)`): the tooltip of the link whose text starts at or just before `offset`. */
function titleOfLinkAt(plan: ReferenceLinkPlan, offset: number): string | undefined {
  for (let back = 0; back <= 3; back++) {
    const title = plan.linkTitles.get(offset - back);
    if (title) return title;
  }
  return undefined;
}

/** The text token cut around the spans that lie wholly inside it. */
function splitText(token: Token, start: number, spans: readonly ReferenceSpan[], state: StateCore): Token[] {
  const end = start + token.content.length;
  let first = lowerBound(spans, start);
  if (first >= spans.length || spans[first]!.start >= end) return [token];
  const pieces: Token[] = [];
  let at = start;
  const text = (from: number, to: number) => {
    const piece = new state.Token('text', '', 0);
    piece.content = token.content.slice(from - start, to - start);
    return piece;
  };
  for (; first < spans.length && spans[first]!.start < end; first++) {
    const span = spans[first]!;
    if (span.end > end) break;
    if (span.start > at) pieces.push(text(at, span.start));
    const href = span.href && SAFE_HREF.test(span.href) ? span.href : undefined;
    const open = new state.Token(href ? 'link_open' : 'pa_reference_open', href ? 'a' : 'span', 1);
    if (href) open.attrSet('href', href);
    open.attrSet('class', `${CLASSES.reference} ${CLASSES.reference}-${span.kind}`);
    open.attrSet('title', span.title);
    pieces.push(open, text(span.start, span.end), new state.Token(href ? 'link_close' : 'pa_reference_close', href ? 'a' : 'span', -1));
    at = span.end;
  }
  if (at < end) pieces.push(text(at, end));
  return pieces;
}

/** The first span starting at or after `offset`. */
function lowerBound(spans: readonly ReferenceSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
