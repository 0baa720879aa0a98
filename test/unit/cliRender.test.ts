import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { joinLines, temporaryFolder } from './helpers';

// End-to-end: `policy-annotator render` from the built executable (dist/cli.js, built by `npm run build`).
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', POLICY_ANNOTATOR_TODAY: '2026-01-01' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A repository with an article and a corpus that tries everything a cloned corpus could try. */
function hostileRepository(): string {
  const folder = temporaryFolder('pa-render-');
  mkdirSync(path.join(folder, 'corpus'));
  const records = [
    { id: 'evil-script', type: 'report', title: '惡意報告<script>alert(1)</script>', aliases: ['惡意報告'], url: 'javascript:alert(1)', date: '2024-05-01', publisher: '<img src=http://evil.example/p.gif>' },
    { id: 'evil-command', type: 'report', title: '命令報告', aliases: ['命令報告'], url: 'command:workbench.action.terminal.new' },
    { id: 'evil-data', type: 'report', title: '資料報告 <img src=https://evil.example/t.png onerror=alert(1)>', aliases: ['資料報告'], url: 'data:text/html,<script>alert(1)</script>' },
    { id: 'good-report', type: 'report', title: 'A Good Report', aliases: ['好報告'], url: 'https://example.org/good?a=1&b=2', date: '2024-04-01', publisher: 'Example Institute' },
  ];
  writeFileSync(path.join(folder, 'corpus', 'hostile.jsonl'), records.map((record) => JSON.stringify(record)).join('\n'));
  writeFileSync(
    path.join(folder, 'article.md'),
    joinLines(
      '---',
      'title: 測試文章<script>',
      '---',
      '# 報告評析',
      '',
      '惡意報告、命令報告與資料報告都出現在本文，好報告[@good-report]也是。',
      '依個人資料保護法第6條第1項及釋字第603號解釋，`好報告` 在程式碼中不連結。',
      '',
      '<script>alert("article")</script>',
      '',
      '<!-- policy-annotator-disable placeholder-link -->',
      '行內 <img src="https://tracker.example/pixel.gif"> 與 [命令](command:workbench.action.quit) 與 ![遠端圖片](https://tracker.example/i.png)。',
      '',
      '相關連結',
      '',
      '- [好報告](#)',
      '',
      '資料來源：',
      '',
      'A Good Report(2024, April 1), *A Good Report*, Example Institute, <https://example.org/good?a=1&b=2> (last visit June 30, 2024).',
    ),
  );
  return folder;
}

test('render: a standalone page with no script, the references linked, hostile corpus text escaped', () => {
  const folder = hostileRepository();
  const { code, stdout, stderr } = run(['render', 'article.md', '--corpus', 'corpus', '--no-embedded'], folder);
  assert.equal(code, 0, stderr);
  assert.ok(stdout.startsWith('<!doctype html>\n<html lang="zh-Hant">\n<head>\n<meta charset="utf-8">\n'), stdout.slice(0, 200));
  assert.match(stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self';[^"]*">/);
  assert.match(stdout, /<title>測試文章&lt;script&gt;<\/title>/);
  assert.match(stdout, /<style>[^<]+<\/style>/);
  // Nothing executable, no link but http(s), our anchors and the placeholder, no remote image.
  assert.doesNotMatch(stdout, /<script/i);
  assert.doesNotMatch(stdout, /<img/i);
  assert.doesNotMatch(stdout, /(?:href|src)\s*=\s*"?\s*(?:javascript|command|data):/i);
  // The corpus's unsafe URLs appear nowhere, not even as text (the article's own command: link is shown as text).
  assert.doesNotMatch(stdout, /javascript:|terminal\.new|data:text/i);
  // Every tag is well formed (name="value" attributes only) and none has an event handler attribute.
  const tags = stdout.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    if (tag.startsWith('<meta') || tag === '<!doctype html>') continue;
    assert.match(tag, /^<[a-z0-9]+(?:\s[a-z-]+="[^"<>]*")*>$/i, tag);
    assert.doesNotMatch(tag, /\son[a-z]+="/i, tag);
  }
  for (const [, href] of stdout.matchAll(/href="([^"]*)"/g)) assert.match(href!, /^(?:https?:\/\/|#pa-source-\d+$|#$)/, href);
  // Hostile titles are text in a tooltip.
  assert.match(stdout, /<span class="pa-ref pa-ref-record" title="惡意報告&lt;script&gt;alert\(1\)&lt;\/script&gt; · 2024年5月1日／民國113年 · &lt;img src=http:\/\/evil\.example\/p\.gif&gt;">惡意報告<\/span>/);
  assert.match(stdout, /<span class="pa-ref pa-ref-record" title="命令報告">命令報告<\/span>/);
  // The good record: a link to its source; its key to its entry in 資料來源, which has the anchor.
  assert.match(stdout, /<a href="https:\/\/example\.org\/good\?a=1&amp;b=2" class="pa-ref pa-ref-record" title="A Good Report · 2024年4月1日／民國113年 · Example Institute">好報告<\/a>/);
  assert.match(stdout, /<a href="#pa-source-1" class="pa-ref pa-ref-record"[^>]*>@good-report<\/a>/);
  assert.match(stdout, /<p class="pa-sources-heading">資料來源：<\/p>\n<p id="pa-source-1" class="pa-source">A Good Report\(2024, April 1\)/);
  // A statute and an interpretation.
  assert.match(stdout, /<a href="https:\/\/law\.moj\.gov\.tw\/LawClass\/LawSingle\.aspx\?pcode=I0050021&amp;flno=6" class="pa-ref pa-ref-statute" title="個人資料保護法 第6條第1項\n[^"]+">個人資料保護法第6條第1項<\/a>/);
  assert.match(stdout, /<a href="https:\/\/cons\.judicial\.gov\.tw\/jcc\/zh-tw\/jep03\/show\?expno=603" class="pa-ref pa-ref-decision"/);
  // Code, raw HTML (shown as text), comments (dropped), the placeholder (marked), the remote image (a link).
  assert.match(stdout, /<code>好報告<\/code>/);
  assert.match(stdout, /<p class="pa-raw-html">&lt;script&gt;alert\(&quot;article&quot;\)&lt;\/script&gt;<\/p>/);
  assert.doesNotMatch(stdout, /policy-annotator-disable/);
  assert.match(stdout, /行內 &lt;img src=&quot;https:\/\/tracker\.example\/pixel\.gif&quot;&gt; 與 \[命令\]\(command:workbench\.action\.quit\) 與 <a href="https:\/\/tracker\.example\/i\.png" class="pa-remote-image">遠端圖片<\/a>/);
  assert.match(stdout, /<a href="#" class="pa-placeholder" title="佔位連結（#）：尚未填入來源網址 · A Good Report[^"]*">好報告<\/a>/);
  // The front matter is not shown.
  assert.doesNotMatch(stdout, /title: /);
});

test('render --out writes the page; one article only; a missing article exits 2', () => {
  const folder = hostileRepository();
  const written = run(['render', 'article.md', '--out', 'page.html', '--corpus', 'corpus'], folder);
  assert.equal(written.code, 0, written.stderr);
  assert.equal(written.stdout, '');
  assert.match(written.stderr, /wrote page\.html/);
  const page = readFileSync(path.join(folder, 'page.html'), 'utf8');
  assert.ok(page.startsWith('<!doctype html>'));
  assert.match(page, /<\/html>\n$/);
  assert.equal(run(['render', 'article.md', 'article.md'], folder).code, 2);
  const missing = run(['render', 'no-such.md'], folder);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /file not found: no-such\.md/);
  const unwritable = run(['render', 'article.md', '--out', 'no-such-folder/page.html'], folder);
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.stderr, /cannot write no-such-folder\/page\.html \(ENOENT\)/);
});
