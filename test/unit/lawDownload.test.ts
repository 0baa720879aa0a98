import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { downloadLawFile, fetchHttpGet, isDownloadFailure, refusedDownloadUrl, validateLawDownload, type DownloadResult, type HttpGet } from '../../src/core/law/lawDownload';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const FIXTURE = path.join(root, 'test', 'fixtures', 'laws-official', 'ChLaw.json');
/** The test fixture zipped as the database publishes it: 4 laws, edition of 2025-10-01. */
const fixtureZip = () => zipSync({ 'ChLaw.json': new Uint8Array(readFileSync(FIXTURE)) });
/** The same with another update date: a newer edition. */
const newerZip = () => zipSync({ 'ChLaw.json': strToU8(readFileSync(FIXTURE, 'utf8').replace('"2025/10/1"', '"2025/10/2"')) });

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A server on 127.0.0.1 at a free port; `handler` may be swapped between requests. */
async function serve(handler: Handler): Promise<{ url: string; server: Server; setHandler(next: Handler): void; requests: IncomingMessage[] }> {
  let current = handler;
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    current(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ch/law/json`, server, setHandler: (next) => (current = next), requests };
}
const servers: Server[] = [];
after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

const sendZip = (bytes: Uint8Array, headers: Record<string, string> = {}): Handler => (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(bytes.length), ...headers });
  response.end(bytes);
};

const failureOf = (result: DownloadResult) => (isDownloadFailure(result) ? result.failure : 'notModified' in result ? 'not-modified' : 'ok');

describe('downloading the law database (a local server)', () => {
  const get = fetchHttpGet();

  it('downloads, reports progress in bytes, and the file passes the integrity checks', async () => {
    const zip = fixtureZip();
    const { url } = await serve(sendZip(zip, { etag: '"e1"', 'last-modified': 'Wed, 01 Oct 2025 00:00:00 GMT' }));
    const progress: Array<[number, number | undefined]> = [];
    const result = await downloadLawFile(get, { url, onProgress: (received, total) => progress.push([received, total]) });
    assert.ok(!isDownloadFailure(result) && !('notModified' in result));
    assert.deepEqual(result.bytes, zip);
    assert.equal(result.etag, '"e1"');
    assert.deepEqual(progress.at(-1), [zip.length, zip.length]);
    const database = validateLawDownload(result.bytes, 3);
    assert.ok(!isDownloadFailure(database));
    assert.equal(database.laws.length, 4);
    assert.equal(database.updateDate, '2025-10-01');
  });

  it('the integrity checks: fewer laws than the minimum, not a zip, a truncated zip', () => {
    const tooFew = validateLawDownload(fixtureZip());
    assert.ok(isDownloadFailure(tooFew));
    assert.match(tooFew.message, /holds 4 laws; the national law database has at least 1000/);
    const page = validateLawDownload(strToU8('<!DOCTYPE html><title>維護中</title>'), 1);
    assert.ok(isDownloadFailure(page) && /not a zip/.test(page.message));
    const zip = fixtureZip();
    const cut = validateLawDownload(zip.subarray(0, zip.length - 40), 1);
    assert.ok(isDownloadFailure(cut));
  });

  it('404 is an HTTP failure', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    });
    const result = await downloadLawFile(get, { url });
    assert.equal(failureOf(result), 'http');
    assert.match((result as { message: string }).message, /HTTP 404/);
  });

  it('a body that ends before its Content-Length is truncated', async () => {
    const zip = fixtureZip();
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
      response.write(zip.subarray(0, zip.length >> 1), () => response.socket?.destroy());
    });
    assert.equal(failureOf(await downloadLawFile(get, { url })), 'truncated');
  });

  it('oversized: a Content-Length over the cap is refused before the body, a body over the cap without one is cut', async () => {
    const big = new Uint8Array(10_000);
    const declared = await serve(sendZip(big));
    const first = await downloadLawFile(get, { url: declared.url, maxBytes: 4_000 });
    assert.equal(failureOf(first), 'too-large');
    assert.match((first as { message: string }).message, /more than the 0 MB allowed|more than/);
    let chunksSent = 0;
    const streamed = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked: no Content-Length
      // Up to 64 MB, as long as the client reads: an endless body in effect.
      const send = (error?: Error | null) => {
        if (error || response.destroyed || chunksSent >= 1_000) {
          response.end();
          return;
        }
        chunksSent++;
        response.write(new Uint8Array(65_536), send);
      };
      send();
    });
    const second = await downloadLawFile(get, { url: streamed.url, maxBytes: 200_000 });
    assert.equal(failureOf(second), 'too-large');
    assert.ok(chunksSent < 1_000, `the download stopped early (${chunksSent} chunks sent)`);
    const within = await downloadLawFile(get, { url: declared.url, maxBytes: 10_000 });
    assert.equal(failureOf(within), 'ok');
  });

  it('a web page instead of the file is refused by its content type', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!DOCTYPE html><html><body>系統維護中</body></html>');
    });
    const result = await downloadLawFile(get, { url });
    assert.equal(failureOf(result), 'content-type');
    assert.match((result as { message: string }).message, /text\/html instead of a zip/);
  });

  it('a server that stops sending times out (headers never sent, or a body that stalls)', async () => {
    const silent = await serve(() => undefined);
    assert.equal(failureOf(await downloadLawFile(get, { url: silent.url, idleTimeoutMs: 150 })), 'timeout');
    const stalled = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': '5000' });
      response.write(new Uint8Array(100));
    });
    assert.equal(failureOf(await downloadLawFile(get, { url: stalled.url, idleTimeoutMs: 150 })), 'timeout');
  });

  it('cancellation stops the download', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': '5000' });
      response.write(new Uint8Array(100));
    });
    const controller = new AbortController();
    const result = await downloadLawFile(get, { url, signal: controller.signal, idleTimeoutMs: 60_000, onProgress: () => controller.abort() });
    assert.equal(failureOf(result), 'cancelled');
  });

  it('sends the held edition\'s ETag and takes 304 as "not modified"', async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"e1"') {
        response.writeHead(304);
        response.end();
        return;
      }
      sendZip(fixtureZip(), { etag: '"e1"' })(request, response);
    });
    assert.equal(failureOf(await downloadLawFile(get, { url, etag: '"e1"' })), 'not-modified');
    assert.equal(requests[0]!.headers['if-none-match'], '"e1"');
    assert.equal(failureOf(await downloadLawFile(get, { url, etag: '"old"' })), 'ok');
  });
});

describe('download addresses', () => {
  it('https anywhere, plain http only to this machine', () => {
    assert.equal(refusedDownloadUrl('https://law.moj.gov.tw/api/ch/law/json'), undefined);
    assert.equal(refusedDownloadUrl('http://127.0.0.1:8080/x.zip'), undefined);
    assert.equal(refusedDownloadUrl('http://localhost/x.zip'), undefined);
    for (const refused of ['http://law.moj.gov.tw/api/ch/law/json', 'ftp://example.org/x.zip', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) assert.ok(refusedDownloadUrl(refused), refused);
  });

  it('a redirect to plain http elsewhere is refused, and nothing is read from it', async () => {
    let read = false;
    const get: HttpGet = async () => ({
      status: 200,
      url: 'http://mirror.example.org/ChLaw.zip',
      header: () => 'application/zip',
      body: (async function* () {
        read = true;
        yield new Uint8Array(1);
      })(),
    });
    const result = await downloadLawFile(get, { url: 'https://law.moj.gov.tw/api/ch/law/json' });
    assert.equal(failureOf(result), 'url');
    assert.equal(read, false);
  });
});

/** The CLI in a child process (the server answers in this one, so no spawnSync). */
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('policy-annotator laws download', () => {
  it('downloads into --out, keeps the newest edition, and --check reports a newer one without writing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-download-'));
    try {
      const out = path.join(dir, 'laws');
      const server = await serve((request, response) => {
        if (request.headers['if-none-match'] === '"e1"') {
          response.writeHead(304);
          response.end();
          return;
        }
        sendZip(fixtureZip(), { etag: '"e1"' })(request, response);
      });
      const first = await runCli(['laws', 'download', '--out', out, '--url', server.url, '--min-laws', '3']);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /imported 4 laws \(\d+ articles, edition of 2025-10-01\)/);
      assert.deepEqual(readdirSync(out).sort(), ['FalVMingLing', 'aliases.json', 'index.json', 'manifest.json', 'source.json']);
      const source = JSON.parse(readFileSync(path.join(out, 'source.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(source.from, server.url);
      assert.equal(source.etag, '"e1"');
      assert.equal(source.updateDate, '2025-10-01');

      const again = await runCli(['laws', 'download', '--out', out, '--url', server.url, '--min-laws', '3']);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /already holds the newest edition \(2025-10-01\)/);

      server.setHandler(sendZip(newerZip(), { etag: '"e2"' }));
      const check = await runCli(['laws', 'download', '--check', '--out', out, '--url', server.url, '--min-laws', '3']);
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stdout, /A newer edition is published: 2025-10-02 \(4 laws\); .* holds 2025-10-01/);
      assert.equal((JSON.parse(readFileSync(path.join(out, 'source.json'), 'utf8')) as { updateDate: string }).updateDate, '2025-10-01');

      const update = await runCli(['laws', 'download', '--out', out, '--url', server.url, '--min-laws', '3']);
      assert.equal(update.status, 0, update.stderr);
      assert.equal((JSON.parse(readFileSync(path.join(out, 'source.json'), 'utf8')) as { updateDate: string }).updateDate, '2025-10-02');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with exit code 1 and a reason: 404, too few laws, a plain-http address elsewhere; 2 without --out', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-download-'));
    try {
      const out = path.join(dir, 'laws');
      const missing = await serve((_request, response) => {
        response.writeHead(404);
        response.end();
      });
      const notFound = await runCli(['laws', 'download', '--out', out, '--url', missing.url]);
      assert.equal(notFound.status, 1);
      assert.match(notFound.stderr, /cannot download the law database from .*: the server answered HTTP 404/);
      const small = await serve(sendZip(fixtureZip()));
      const tooFew = await runCli(['laws', 'download', '--out', out, '--url', small.url]);
      assert.equal(tooFew.status, 1);
      assert.match(tooFew.stderr, /is not the law database: the downloaded file holds 4 laws/);
      const plain = await runCli(['laws', 'download', '--out', out, '--url', 'http://law.example.org/ChLaw.zip']);
      assert.equal(plain.status, 1);
      assert.match(plain.stderr, /must start with https:\/\//);
      assert.deepEqual(readdirSync(dir), [], 'nothing is written on failure');
      const noOut = await runCli(['laws', 'download']);
      assert.equal(noOut.status, 2);
      assert.match(noOut.stderr, /needs --out/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
