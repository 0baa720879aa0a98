import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolveOptions } from '../core/article/resolve';
import { REFERENCE_KINDS } from '../core/article/resolve';
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from '../core/config';
import { CorpusService } from '../core/corpus/corpusService';
import type { CorpusProblem } from '../core/corpus/problems';
import type { CliArgs } from './args';
import { UsageError } from './args';
import { climbsOutOfFolder, invalidGlobs } from '../core/util/glob';
import { NodeCorpusFileSystem, toUri } from './nodeFiles';
import { TagService } from '../core/tags/tagService';
import { loadLibraryReaders } from '../libraryReaders/lazy';

export interface Session {
  readonly corpus: CorpusService;
  readonly config: ProjectConfig;
  readonly resolveOptions: ResolveOptions;
  readonly tags: TagService;
  /** Problems of the configuration file and of corpus files. */
  readonly problems: CorpusProblem[];
  readonly log: string[];
}

const DEFAULT_THRESHOLD = 0.7;

/** Loads the configuration and the corpus the way the extension does, from the command line's options. */
export async function openSession(args: CliArgs, cwd: string): Promise<Session> {
  const problems: CorpusProblem[] = [];
  const configPath = path.resolve(cwd, args.config ?? CONFIG_FILE_NAME);
  let config: ProjectConfig = {};
  if (existsSync(configPath)) {
    const parsed = parseProjectConfig(toUri(configPath), readFileSync(configPath, 'utf8'));
    config = parsed.config;
    problems.push(...parsed.problems);
  } else if (args.config) throw new UsageError(`configuration file not found: ${args.config}`);
  for (const corpusPath of args.corpus) {
    if (!existsSync(path.resolve(cwd, corpusPath))) throw new UsageError(`corpus not found: ${corpusPath}`);
  }
  const bad = invalidGlobs([...(config.corpus?.include ?? []), ...(config.corpus?.exclude ?? [])]);
  if (bad.length > 0) throw new UsageError(`invalid glob in ${path.basename(configPath)}: ${bad.join(', ')}`);
  const root = path.dirname(configPath);
  const log: string[] = [];
  // The configuration comes with the repository: a glob climbing out of it (../../…) is reported, never expanded.
  const include = (config.corpus?.include ?? []).filter((glob) => {
    if (!climbsOutOfFolder(glob)) return true;
    const configText = readFileSync(configPath, 'utf8');
    const line = configText.slice(0, Math.max(0, configText.indexOf(JSON.stringify(glob)))).split('\n').length - 1;
    problems.push({ uri: toUri(configPath), line, severity: 'error', code: 'config-glob-outside', message: `The corpus glob ${JSON.stringify(glob)} leads outside the repository; it is ignored.` });
    return false;
  });
  const fileSystem = new NodeCorpusFileSystem(args.corpus, root, include, config.corpus?.exclude ?? ['**/node_modules/**', '**/.git/**']);
  const corpus = new CorpusService({
    fileSystem,
    embeddedEnabled: () => args.embedded && config.corpus?.embedded !== false,
    maxBytes: () => (config.corpus?.maxFileSize ?? 5) * 1024 * 1024,
    log: { info: (message) => log.push(message), error: (message) => log.push(`error: ${message}`) },
    readers: loadLibraryReaders,
  });
  await corpus.whenReady();
  // A corpus that failed to load must not give a false green in CI.
  const failures = log.filter((line) => line.startsWith('error: '));
  if (failures.length > 0) throw new UsageError(`the corpus could not be loaded:\n  ${failures.join('\n  ')}`);
  for (const list of corpus.store.problems().values()) problems.push(...list);
  const tags = new TagService(corpus.index);
  const taxonomyPath = config.taxonomy ? path.resolve(root, config.taxonomy) : ['tags.yaml', 'tags.yml', 'tags.json'].map((name) => path.join(root, 'corpus', name)).find((candidate) => existsSync(candidate));
  if (config.taxonomy && !existsSync(taxonomyPath!)) throw new UsageError(`taxonomy file not found: ${config.taxonomy}`);
  if (taxonomyPath) tags.setTaxonomyFile(toUri(taxonomyPath), readFileSync(taxonomyPath, 'utf8'));
  else tags.refreshUsage();
  problems.push(...tags.problems());
  return {
    corpus,
    config,
    resolveOptions: { threshold: config.threshold ?? DEFAULT_THRESHOLD, kinds: new Set(config.kinds ?? REFERENCE_KINDS) },
    problems,
    log,
    tags,
  };
}
