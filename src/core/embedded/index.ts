// The embedded corpus: one Markdown record per file, bundled as text by esbuild. Keep this list in step
// with records/ (a unit test checks it).
import aiSafetyInstitute from './records/ai-safety-institute.md';
import aiSafetySummit2023 from './records/ai-safety-summit-2023.md';
import bletchleyDeclaration2023 from './records/bletchley-declaration-2023.md';
import bletchleyPark from './records/bletchley-park.md';
import frontierAi from './records/frontier-ai.md';
import ginaRaimondo from './records/gina-raimondo.md';
import michelleDonelan from './records/michelle-donelan.md';
import ukParliamentHcws4092024 from './records/uk-parliament-hcws409-2024.md';
import ukUsAiSafetyMou2024 from './records/uk-us-ai-safety-mou-2024.md';
import ukUsAiSafetyMouArticle2024 from './records/uk-us-ai-safety-mou-article-2024.md';
import usUkPartnershipAnnouncement2024 from './records/us-uk-partnership-announcement-2024.md';

export const EMBEDDED_RECORD_FILES: ReadonlyArray<{ readonly name: string; readonly text: string }> = [
  { name: 'ai-safety-institute.md', text: aiSafetyInstitute },
  { name: 'ai-safety-summit-2023.md', text: aiSafetySummit2023 },
  { name: 'bletchley-declaration-2023.md', text: bletchleyDeclaration2023 },
  { name: 'bletchley-park.md', text: bletchleyPark },
  { name: 'frontier-ai.md', text: frontierAi },
  { name: 'gina-raimondo.md', text: ginaRaimondo },
  { name: 'michelle-donelan.md', text: michelleDonelan },
  { name: 'uk-parliament-hcws409-2024.md', text: ukParliamentHcws4092024 },
  { name: 'uk-us-ai-safety-mou-2024.md', text: ukUsAiSafetyMou2024 },
  { name: 'uk-us-ai-safety-mou-article-2024.md', text: ukUsAiSafetyMouArticle2024 },
  { name: 'us-uk-partnership-announcement-2024.md', text: usUkPartnershipAnnouncement2024 },
];
