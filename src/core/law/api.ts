/**
 * What the editor needs of the law layer, in one module: the desktop extension loads it from dist/laws.js on
 * first use (the detector, the law index and the cards stay out of the startup bundle); the web build and the
 * CLI bundle it.
 */
export { LawLibrary } from './lawLibrary';
export { analyzeStatutes } from './statuteChecks';
export { articleDate } from './pointInTime';
export { statuteReferenceAt } from './citations';
export { lawArticleUrl, renderStatuteCard } from './statuteCard';
export { statuteLinkSpans } from './statuteLinks';
export { findStatuteCitations } from './citations';
