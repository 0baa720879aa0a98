import { analyzeArticle, type ArticleAnalysis } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { CorpusService } from '../../src/core/corpus/corpusService';
import { loadEmbeddedCorpus } from '../../src/core/corpus/embeddedCorpus';
import { VersionedCache } from '../../src/core/documentReferences';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { mulberry32 } from '../../bench/generateCorpus';
import { MemoryFileSystem } from '../unit/memoryFileSystem';
import { longestStall } from './scale';
import { milliseconds, type Suite } from './suite';

const record = (id: string, title: string) => `---\nid: ${id}\ntitle: ${title}\ntype: report\naliases: [${id.toUpperCase()}]\n---\n`;

function service(fileSystem: MemoryFileSystem): CorpusService {
  return new CorpusService({ fileSystem, embeddedEnabled: () => true, maxBytes: () => 5 * 1024 * 1024, log: { info: () => undefined, error: (message) => console.log(`  loader error: ${message}`) }, debounceMs: 20 });
}

/** What "the same index" means: every record with its title and file, every problem, a name lookup. */
function snapshot(corpus: CorpusService): string[] {
  return [
    ...[...corpus.index.records()].map((r) => `record ${r.id} ${r.title} ${r.origin.uri}:${r.origin.line}`),
    ...[...corpus.store.problems()].flatMap(([uri, list]) => list.map((p) => `problem ${uri}:${p.line}:${p.code}`)),
  ].sort();
}

function difference(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  return [...left].filter((item) => !right.has(item)).length + [...right].filter((item) => !left.has(item)).length;
}

async function freshSnapshot(fileSystem: MemoryFileSystem): Promise<string[]> {
  const fresh = service(fileSystem);
  await fresh.whenReady();
  const result = snapshot(fresh);
  fresh.dispose();
  return result;
}

export async function runChurn(suite: Suite, seed: number): Promise<void> {
  const next = mulberry32(seed);

  // 1. Files deleted and renamed while the first scan reads them (the watcher reports each change).
  {
    const fileSystem = new MemoryFileSystem();
    for (let index = 0; index < 2_000; index++) fileSystem.write(`corpus/a/${index}.md`, record(`doc-${index}`, `Document ${index}`));
    // The watcher's target, set once the service exists (the first reads happen after that).
    const watcher: { corpus?: CorpusService } = {};
    const read = fileSystem.readFile.bind(fileSystem);
    let reads = 0;
    fileSystem.readFile = async (uri: string) => {
      // Every 7th read deletes a file ahead of the reader; every 11th renames one (delete + create).
      if (++reads % 7 === 0) watcher.corpus?.fileChanged(fileSystem.delete(`corpus/a/${Math.floor(next() * 2_000)}.md`));
      if (reads % 11 === 0) {
        const from = Math.floor(next() * 2_000);
        const text = fileSystem.files.get(MemoryFileSystem.uri(`corpus/a/${from}.md`));
        if (text) {
          watcher.corpus?.fileChanged(fileSystem.delete(`corpus/a/${from}.md`));
          fileSystem.files.set(MemoryFileSystem.uri(`corpus/b/renamed-${from}.md`), text);
          watcher.corpus?.fileChanged(MemoryFileSystem.uri(`corpus/b/renamed-${from}.md`));
        }
      }
      return read(uri);
    };
    const corpus = service(fileSystem);
    watcher.corpus = corpus;
    await corpus.whenIdle();
    fileSystem.readFile = read;
    const diff = difference(snapshot(corpus), await freshSnapshot(fileSystem));
    suite.check('files deleted and renamed during the scan: the index equals a fresh rescan', diff === 0, `${diff} differences`);
    suite.figure('deleted/renamed during the scan: difference from a fresh rescan', diff);
    corpus.dispose();
  }

  // 2. A branch switch: 10,000 watcher events for 3,000 files (created, changed, deleted, some several times).
  {
    const fileSystem = new MemoryFileSystem();
    for (let index = 0; index < 2_000; index++) fileSystem.write(`corpus/${index}.md`, record(`branch-${index}`, `Before ${index}`));
    const corpus = service(fileSystem);
    await corpus.whenReady();
    const readsBefore = fileSystem.reads;
    const events: string[] = [];
    for (let index = 0; index < 1_000; index++) events.push(fileSystem.delete(`corpus/${index}.md`));
    for (let index = 1_000; index < 2_000; index++) events.push(fileSystem.write(`corpus/${index}.md`, record(`branch-${index}`, `After ${index}`)));
    for (let index = 2_000; index < 3_000; index++) events.push(fileSystem.write(`corpus/${index}.md`, record(`branch-${index % 1_500}`, `New ${index}`)));
    while (events.length < 10_000) events.push(events[Math.floor(next() * 3_000)]!);
    const burst = await longestStall(async () => {
      for (const uri of events) corpus.fileChanged(uri);
      // A rescan in the middle of the storm (a settings change), as the watcher would see.
      void corpus.rescan();
      await corpus.whenIdle();
    });
    const diff = difference(snapshot(corpus), await freshSnapshot(fileSystem));
    suite.check('10,000 watcher events: the index equals a fresh rescan', diff === 0, `${diff} differences`);
    suite.check('10,000 watcher events: no stall over 100 ms', burst.stallMs < 100, milliseconds(burst.stallMs));
    suite.figure('branch switch, 10,000 watcher events for 3,000 files: settled in', milliseconds(burst.elapsedMs));
    suite.figure('  file reads (events coalesce)', fileSystem.reads - readsBefore);
    suite.figure('  difference from a fresh rescan', diff);
    suite.figure('  longest event-loop stall (CPU / wall clock)', `${milliseconds(burst.stallMs)} / ${milliseconds(burst.wallStallMs)}`);
    corpus.dispose();
  }

  // 3. 100 edits a second on an article, core-level: a debounced, version-checked analysis as the editor runs it.
  {
    const index = new CorpusIndex();
    for (const file of loadEmbeddedCorpus()) for (const item of file.records) index.set(item);
    const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
    const cache = new VersionedCache<ArticleAnalysis>();
    let text = '# 英美人工智慧安全合作備忘錄\n\n布萊切利宣言與AI安全峰會。\n\n相關連結\n\n';
    let version = 0;
    let computed = 0;
    let published: ArticleAnalysis | undefined;
    let publishedVersion = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const analyse = () => cache.get('article', String(version), () => {
      computed++;
      return analyzeArticle(text, index, options);
    });
    const edit = (change: (before: string) => string) => {
      text = change(text);
      version++;
      if (timer) clearTimeout(timer);
      const scheduled = version;
      timer = setTimeout(() => {
        timer = undefined;
        // A run whose document changed meanwhile is dropped (stale).
        if (scheduled !== version) return;
        published = analyse();
        publishedVersion = scheduled;
      }, 50);
    };
    const started = performance.now();
    for (let step = 0; step < 100; step++) {
      const position = Math.floor(next() * text.length);
      edit((before) => (step % 3 === 2 ? `${before}- [布萊切利宣言](#)\n` : `${before.slice(0, position)}${step % 2 ? 'AI安全研究所' : '，'}${before.slice(position)}`));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise<void>((resolve) => {
      const wait = () => (timer === undefined ? resolve() : setTimeout(wait, 5));
      wait();
    });
    const fresh = analyzeArticle(text, index, options);
    const same = JSON.stringify(published?.diagnostics) === JSON.stringify(fresh.diagnostics) && publishedVersion === version;
    suite.check('100 edits at 100 a second: the published diagnostics equal a fresh computation of the last version', same);
    suite.check('stale work is dropped: far fewer analyses than edits', computed < 20, `${computed} analyses`);
    suite.figure('100 edits in', milliseconds(performance.now() - started));
    suite.figure('  analyses run (the rest dropped as stale)', computed);
    suite.figure('  diagnostics differing from a fresh computation', same ? 0 : Math.abs((published?.diagnostics.length ?? 0) - fresh.diagnostics.length) || 1);
  }
}
