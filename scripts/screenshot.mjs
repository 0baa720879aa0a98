// Takes the README's screenshot of a real hover card: code-server with the extension, the sample
// article, a mouse hover over a Chinese mention, in headless Chromium. Writes media/hover-card.png.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureHarness, repoRoot, requireChromium } from './offline/install.mjs';
import { createSandboxWithExtension, onShutdown, startCodeServer } from './offline/codeServer.mjs';

const article = '英美人工智慧安全合作備忘錄.md';
const mention = process.argv[2] ?? '布萊切利宣言';
const output = path.join(repoRoot, 'media', process.argv[3] ?? 'hover-card.png');

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
await page.screenshot({ path: output });
console.log(`[policy-annotator] wrote ${path.relative(repoRoot, output)}`);
await browser.close();
process.exit(0);
