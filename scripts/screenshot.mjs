// Takes the README's screenshots in a real VS Code: code-server with the extension, the sample article,
// driven as a person would in headless Chromium. Writes media/hover-card.png, quick-fix.png,
// sources-view.png, tag-completion.png, preview-links.png and citation-completion.png.
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureHarness, repoRoot, requireChromium } from './offline/install.mjs';
import { createSandboxWithExtension, onShutdown, startCodeServer } from './offline/codeServer.mjs';

// `node scripts/screenshot.mjs` takes every screenshot; `hover`, `quickfix`, `sources`, `tags`, `preview` or `citations` takes one.
const article = '英美人工智慧安全合作備忘錄.md';
const mention = '布萊切利宣言';
const scenes = process.argv[2] ? [process.argv[2]] : ['hover', 'quickfix', 'sources', 'tags', 'preview', 'citations'];

const chromium = requireChromium();
const harness = ensureHarness();
const { chromium: playwright } = createRequire(import.meta.url)(harness.playwright);
const sandbox = createSandboxWithExtension('policy-annotator-shot-');
const server = startCodeServer({ harness, sandbox });
let browser;
onShutdown(() => {
  server.stop();
  browser?.close().catch(() => {});
  sandbox.remove();
});

const url = await server.ready;
// A copy of the sample workspace: the scenes type into the article, and nothing may reach the repository.
const workspace = path.join(sandbox.root, 'sample');
cpSync(path.join(repoRoot, 'sample'), workspace, { recursive: true });
url.searchParams.set('folder', workspace);
browser = await playwright.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(url.href);
await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
// Open the article through Quick Open, as a person would.
await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
await page.keyboard.press('Control+P');
await page.keyboard.type(article);
await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
await page.keyboard.press('Enter');
for (const scene of scenes) {
  if (scene === 'hover') await hoverScene();
  else if (scene === 'quickfix') await quickFixScene();
  else if (scene === 'sources') await sourcesScene();
  else if (scene === 'tags') await tagScene();
  else if (scene === 'preview') await previewScene();
  else if (scene === 'citations') await citationScene();
  else throw new Error(`unknown scene ${scene} (hover, quickfix, sources, tags, preview or citations)`);
}

/** A hover card on a Chinese mention. */
async function hoverScene() {
  const target = page.locator('.monaco-editor .view-line span', { hasText: mention }).first();
  await target.waitFor({ timeout: 30_000 });
  const box = await target.boundingBox();
  const text = (await target.textContent()) ?? '';
  const charWidth = box.width / Math.max(1, text.length);
  const x = box.x + charWidth * (text.indexOf(mention) + 1.5);
  // Hover until the card appears: the extension may still be activating on the first try.
  const card = page.locator('.monaco-hover:visible', { hasText: 'Bletchley' });
  for (let attempt = 0; attempt < 20 && !(await card.isVisible()); attempt++) {
    await page.mouse.move(x, box.y - 40);
    await page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
    await card.waitFor({ timeout: 3_000 }).catch(() => {});
  }
  if (!(await card.isVisible())) throw new Error('no hover card appeared');
  await shoot('hover-card.png');
  await page.mouse.move(5, 5);
}

/** The placeholder-link warning on a `(#)` link and its quick fixes (Ctrl+.). */
async function quickFixScene() {
  const target = page.locator('.monaco-editor .view-line span', { hasText: '(#)' }).first();
  await target.waitFor({ timeout: 30_000 });
  // Wait for our diagnostics: the squiggle is drawn once they are published.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
  const box = await target.boundingBox();
  await page.mouse.click(box.x + box.width - 12, box.y + box.height / 2);
  const menu = page.locator('.action-widget:visible', { hasText: 'gov.uk' });
  for (let attempt = 0; attempt < 10 && !(await menu.isVisible()); attempt++) {
    await page.keyboard.press('Control+.');
    await menu.waitFor({ timeout: 3_000 }).catch(() => {});
  }
  if (!(await menu.isVisible())) throw new Error('no quick fix menu appeared');
  await shoot('quick-fix.png');
  await page.keyboard.press('Escape');
}

/** The Explorer's "Article Sources" view for the open article. */
async function sourcesScene() {
  const header = page.locator('.pane-header', { hasText: 'Article Sources' });
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const pane = page.locator('.pane', { has: header });
  await pane.locator('.monaco-list-row', { hasText: 'Bletchley' }).first().waitFor({ timeout: 30_000 });
  // Give the view room: drag the sash above its header up towards the folder tree.
  const box = await header.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, 180, { steps: 8 });
  await page.mouse.up();
  // Expand the first record to show its references.
  await pane.locator('.monaco-list-row').first().click();
  await page.keyboard.press('ArrowRight');
  await shoot('sources-view.png');
}

/** Tag completion in the 文章標籤 section, opened by typing (no Ctrl+Space), with a typo. */
async function tagScene() {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const widget = page.locator('.suggest-widget:visible .monaco-list-row', { hasText: '人工智慧' });
  for (let attempt = 0; attempt < 10 && !(await widget.first().isVisible()); attempt++) {
    await page.keyboard.type(attempt === 0 ? '資料' : '', { delay: 80 });
    if (attempt > 0) await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget:visible .monaco-list-row').first().waitFor({ timeout: 3_000 }).catch(() => {});
    if (await page.locator('.suggest-widget:visible .monaco-list-row').first().isVisible()) break;
  }
  await page.locator('.suggest-widget:visible .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await shoot('tag-completion.png');
  await page.keyboard.press('Escape');
}

/** The Markdown preview beside the article, its references linked (the placeholder links marked). */
async function previewScene() {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  await page.keyboard.type('Markdown: Open Preview to the Side');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  // The preview is a webview: its document is two frames down. Before the corpus has loaded it renders plain,
  // then refreshes itself: wait for the links.
  const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await preview.locator('a.pa-ref').first().waitFor({ timeout: 60_000 });
  await preview.locator('a.pa-placeholder').first().waitFor({ timeout: 30_000 });
  // Hovering a link shows its target in the status bar of the preview; the tooltip itself is the browser's.
  await preview.locator('a.pa-ref', { hasText: mention }).first().hover().catch(() => {});
  await shoot('preview-links.png');
}

/** Citation completion after `@` in prose: a few characters of a name, ranked records with type, ROC date, publisher. */
async function citationScene() {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('依照 @布萊切', { delay: 80 });
  const rows = page.locator('.suggest-widget:visible .monaco-list-row');
  for (let attempt = 0; attempt < 10 && !(await rows.first().isVisible()); attempt++) {
    await page.keyboard.press('Control+Space');
    await rows.first().waitFor({ timeout: 3_000 }).catch(() => {});
  }
  await rows.first().waitFor({ timeout: 10_000 });
  // Show the details of the focused item (type, date with the ROC year, publisher).
  await page.keyboard.press('Control+Space');
  await shoot('citation-completion.png');
  await page.keyboard.press('Escape');
}

async function shoot(name) {
  const output = path.join(repoRoot, 'media', name);
  await page.screenshot({ path: output });
  console.log(`[policy-annotator] wrote ${path.relative(repoRoot, output)}`);
}

await browser.close();
process.exit(0);
