import { promises as fs } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzeDecisions } from '../core/decision/decisionAnalysis';
import { decisionLinkSpans } from '../core/decision/decisionLinks';
import { DecisionRecords } from '../core/decision/decisionRecords';
import { articleDate } from '../core/law/pointInTime';
import { analyzeStatutes } from '../core/law/statuteChecks';
import { statuteLinkSpans } from '../core/law/statuteLinks';
import type { LawText } from '../core/law/lawLibrary';
import { configurePublishing, renderArticlePage } from '../core/publish/articlePage';
import { planReferenceLinks } from '../core/publish/referenceLinks';
import { terminalSafe } from '../core/util/controlText';
import { analyzeFile } from './articles';
import { UsageError, type CliArgs } from './args';
import { openSession } from './session';
import { openLaws } from './statutes';

/**
 * `policy-annotator render <article.md> [--out page.html]`: the article as a standalone HTML page with its
 * references linked, as the preview shows them (to standard output without --out). Exit 0, or 2 for a usage
 * error or an article that cannot be read.
 */
/** Where the command reads and writes (main.ts's Io). */
interface RenderIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export async function renderCommand(args: CliArgs, io: RenderIo, today: Date): Promise<number> {
  if (args.positional.length !== 1) throw new UsageError('render takes exactly one article: render <article.md> [--out page.html]');
  const session = await openSession(args, io.cwd);
  const file = args.positional[0]!;
  const result = await analyzeFile(file, io.cwd, session);
  if ('error' in result) {
    io.err(`policy-annotator: ${terminalSafe(result.error.message)}`);
    return 2;
  }
  const laws = await openLaws(args.laws, io.cwd, io.err);
  const { analysis } = result;
  const { article } = analysis;
  const index = session.corpus.index;
  const statutes = await analyzeStatutes(article.text, laws, article.skipped, articleDate(article));
  const lawIndex = await laws.index();
  const texts = new Map<string, LawText>();
  for (const pcode of new Set(statutes.citations.references.flatMap((reference) => (reference.pcode && reference.article ? [reference.pcode] : [])))) texts.set(pcode, await laws.law(pcode));
  const decisions = analyzeDecisions(article.text, article.skipped, new DecisionRecords(index), today);
  const plan = planReferenceLinks({
    analysis,
    language: 'zh',
    extraSpans: [
      ...statuteLinkSpans(statutes.citations.references, (pcode) => lawIndex.get(pcode), (pcode) => texts.get(pcode)),
      ...decisionLinkSpans(decisions.references, (id) => analysis.record(id), 'zh'),
    ],
  });
  const md = configurePublishing(new MarkdownIt({ html: true, linkify: true }));
  md.linkify.set({ fuzzyLink: false });
  const page = renderArticlePage(md, article, { plan });
  if (!args.out) {
    io.out(page.trimEnd());
    return 0;
  }
  const target = path.resolve(io.cwd, args.out);
  try {
    await fs.writeFile(target, page, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'write error';
    io.err(`policy-annotator: cannot write ${terminalSafe(args.out)} (${terminalSafe(reason)})`);
    return 2;
  }
  io.err(`policy-annotator: wrote ${terminalSafe(args.out)} (${page.length.toLocaleString('en')} characters)`);
  return 0;
}
