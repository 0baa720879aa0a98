import type MarkdownIt from 'markdown-it';
import type { Article } from '../article/article';
import type { ReferenceLinkPlan } from './referenceLinks';
import { markdownItReferences } from './markdownItReferences';
import { tooltipText } from './referenceLinks';

/**
 * The page's policy: no script of any kind, no frame, no form, styles only inline, images only from the page's
 * own site (a remote image would tell a third party who reads the page; the renderer turns those into links).
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STYLE = `body{margin:0;background:#fff;color:#1f2328;font:17px/1.8 "Noto Sans TC","PingFang TC","Microsoft JhengHei",system-ui,sans-serif}
main{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1,h2,h3{line-height:1.4}
a{color:#0b5cad}
a.pa-ref,span.pa-ref{text-decoration:underline dotted;text-underline-offset:.2em}
a.pa-ref-statute{color:#6b3fa0}
a.pa-placeholder{color:#9a6700;background:#fff8c5;text-decoration:underline wavy #d4a72c}
.pa-sources-heading{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #d0d7de;font-weight:700}
.pa-source{font-size:.9em;line-height:1.6;padding-left:1.5em;text-indent:-1.5em;overflow-wrap:anywhere}
p.pa-source,li.pa-source{margin:.5em 0}
.pa-source:target{background:#fff8c5}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#f6f8fa;border-radius:4px}
pre{padding:.75rem;overflow:auto}
blockquote{margin:0;padding-left:1em;border-left:4px solid #d0d7de;color:#59636e}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25em .5em}`;

export interface PageOptions {
  /** The page title; from the front matter, the first heading or the first line when not given. */
  readonly title?: string;
  readonly plan?: ReferenceLinkPlan;
}

const ALLOWED_SCHEME = /^(?:https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A markdown-it instance for published pages: no raw HTML ever reaches the page (HTML comments — disable
 * comments among them — are dropped, every other tag is shown as text), links only to http(s), mailto and
 * relative addresses, remote images become links to the image, and the references plugin on top.
 */
export function configurePublishing(md: MarkdownIt): MarkdownIt {
  md.validateLink = (url) => {
    const value = url.trim();
    return !ANY_SCHEME.test(value) || ALLOWED_SCHEME.test(value);
  };
  const escapeHtml = md.utils.escapeHtml;
  const isComment = (html: string) => /^\s*<!--[\s\S]*?-->\s*$/.test(html);
  md.renderer.rules.html_block = (tokens, index) => (isComment(tokens[index]!.content) ? '' : `<p class="pa-raw-html">${escapeHtml(tokens[index]!.content).replace(/\n+$/, '')}</p>\n`);
  md.renderer.rules.html_inline = (tokens, index) => (isComment(tokens[index]!.content) ? '' : escapeHtml(tokens[index]!.content));
  const image = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = token.attrGet('src') ?? '';
    if (!ANY_SCHEME.test(src.trim()) && !src.trim().startsWith('//')) return image ? image(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
    // A remote image: a link to it, with its text.
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return /^https?:/i.test(src.trim()) ? `<a href="${escapeHtml(src)}" class="pa-remote-image">${escapeHtml(alt)}</a>` : escapeHtml(alt);
  };
  // The plan travels in the render's environment (renderArticlePage puts it there).
  markdownItReferences(md, { plan: (_text, env) => (env as { policyAnnotatorPlan?: ReferenceLinkPlan } | undefined)?.policyAnnotatorPlan });
  return md;
}

/**
 * A standalone HTML page of the article: doctype, lang zh-Hant, charset, a Content-Security-Policy that forbids
 * scripts, a small inline style sheet, the article. No script, nothing fetched from elsewhere. Front matter is
 * not shown (it is blanked, keeping every offset of the plan valid).
 */
export function renderArticlePage(md: MarkdownIt, article: Article, options: PageOptions = {}): string {
  const text = withoutFrontMatter(article);
  const plan = options.plan ? { ...options.plan, text } : undefined;
  const body = md.render(text, { policyAnnotatorPlan: plan });
  const title = options.title ?? pageTitle(article);
  return [
    '<!doctype html>',
    '<html lang="zh-Hant">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="policy-annotator">',
    `<title>${md.utils.escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main class="pa-article">',
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The front matter's lines as blank lines: Markdown does not show it, and offsets stay where they were. */
function withoutFrontMatter(article: Article): string {
  const frontMatter = article.frontMatter;
  if (!frontMatter) return article.text;
  const blanked = article.text.slice(frontMatter.start, frontMatter.end).replace(/[^\r\n]/g, ' ');
  return article.text.slice(0, frontMatter.start) + blanked + article.text.slice(frontMatter.end);
}

/** The front matter's title, else the first heading, else the first line with text. */
export function pageTitle(article: Article): string {
  const fromFrontMatter = article.frontMatter && /^title\s*[:=]\s*["']?(.+?)["']?\s*$/m.exec(article.frontMatter.text)?.[1];
  const firstLine = article.lines.find((line) => line.text.trim() !== '' && !article.skipped.contains(line.start))?.text.replace(/^#+\s*/, '');
  return tooltipText(fromFrontMatter || article.headings[0]?.text || firstLine || 'Article', 200);
}
