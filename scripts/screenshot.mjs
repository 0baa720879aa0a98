// Takes the README's screenshot of a real hover card: code-server with the extension, the sample
// article, a mouse hover over a Chinese mention, in headless Chromium. Writes media/hover-card.png.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureHarness, repoRoot, requireChromium } from './offline/install.mjs';
import { createSandboxWithExtension, onShutdown, startCodeServer } from './offline/codeServer.mjs';

// `node scripts/screenshot.mjs` takes both screenshots; `hover` or `tags` takes one.
const article = '英美人工智慧安全合作備忘錄.md';
const mention = '布萊切利宣言';
const scenes = process.argv[2] ? [process.argv[2]] : ['hover', 'tags'];

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
url.searchParams.set('folder', path.join(repoRoot, 'sample'));
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
  else if (scene === 'tags') await tagScene();
  else throw new Error(`unknown scene ${scene} (hover or tags)`);
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

async function shoot(name) {
  const output = path.join(repoRoot, 'media', name);
  await page.screenshot({ path: output });
  console.log(`[policy-annotator] wrote ${path.relative(repoRoot, output)}`);
}

await browser.close();
process.exit(0);
