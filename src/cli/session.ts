import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { ResolveOptions } from '../core/article/resolve';
import { REFERENCE_KINDS } from '../core/article/resolve';
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from '../core/config';
import { CorpusService } from '../core/corpus/corpusService';
import type { CorpusProblem } from '../core/corpus/problems';
import type { CliArgs } from './args';
import { UsageError } from './args';
import { climbsOutOfFolder, globProblem } from '../core/util/glob';
import { NodeCorpusFileSystem, toUri } from './nodeFiles';
import { TagService } from '../core/tags/tagService';
import { loadLibraryReaders } from '../libraryReaders/lazy';
import { loadAliasFileReader, loadMentionVariants } from '../mentionVariants/lazy';
import { loadCrossStrait } from '../crossStrait/lazy';
import { readRepositoryFile } from './repositoryFiles';
import { ArticleBibliographies } from '../core/corpus/articleBibliography';
import { NodeBibliographyFileSystem } from './bibliographyFiles';

export interface Session {
  readonly corpus: CorpusService;
  readonly config: ProjectConfig;
  readonly resolveOptions: ResolveOptions;
  readonly tags: TagService;
  /** The libraries articles name in their front matter (`bibliography:`). */
  readonly bibliographies: ArticleBibliographies;
  /** Problems of the configuration file and of corpus files. */
  readonly problems: CorpusProblem[];
  readonly log: string[];
}

const DEFAULT_THRESHOLD = 0.7;
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_TAXONOMY_BYTES = 5 * 1024 * 1024;

/** Loads the configuration and the corpus the way the extension does, from the command line's options. */
export async function openSession(args: CliArgs, cwd: string): Promise<Session> {
  const problems: CorpusProblem[] = [];
  const configPath = path.resolve(cwd, args.config ?? CONFIG_FILE_NAME);
  const root = path.dirname(configPath);
  let config: ProjectConfig = {};
  let configText = '';
  const read = await readRepositoryFile(configPath, [root], MAX_CONFIG_BYTES);
  if ('bytes' in read) {
    configText = new TextDecoder().decode(read.bytes);
    const parsed = parseProjectConfig(toUri(configPath), configText);
    config = parsed.config;
    for (const problem of parsed.problems) problems.push(problem);
  } else if (!read.missing) {
    problems.push({ uri: toUri(configPath), line: 0, severity: 'error', code: 'config-refused', message: `${path.basename(configPath)}: ${read.refused}; the configuration is ignored.` });
  } else if (args.config) throw new UsageError(`configuration file not found: ${args.config}`);
  for (const corpusPath of args.corpus) {
    if (!existsSync(path.resolve(cwd, corpusPath))) throw new UsageError(`corpus not found: ${corpusPath}`);
  }
  for (const glob of [...(config.corpus?.include ?? []), ...(config.corpus?.exclude ?? [])]) {
    const problem = globProblem(glob);
    if (problem) throw new UsageError(`invalid glob in ${path.basename(configPath)} (${problem}): ${glob}`);
  }
  const log: string[] = [];
  // The configuration comes with the repository: a glob climbing out of it (../../…) is reported, never expanded.
  const include = (config.corpus?.include ?? []).filter((glob) => {
    if (!climbsOutOfFolder(glob)) return true;
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
    crossStrait: loadCrossStrait,
    mentionVariants: loadMentionVariants,
    aliasFileReader: loadAliasFileReader,
  });
  await corpus.whenReady();
  // A corpus that failed to load must not give a false green in CI.
  const failures = log.filter((line) => line.startsWith('error: '));
  if (failures.length > 0) throw new UsageError(`the corpus could not be loaded:\n  ${failures.join('\n  ')}`);
  for (const list of corpus.store.problems().values()) for (const problem of list) problems.push(problem);
  const tags = new TagService(corpus.index);
  await loadTaxonomy(tags, config, root, configPath, configText, problems);
  for (const problem of tags.problems()) problems.push(problem);
  return {
    corpus,
    config,
    resolveOptions: { threshold: config.threshold ?? DEFAULT_THRESHOLD, kinds: new Set(config.kinds ?? REFERENCE_KINDS) },
    problems,
    log,
    tags,
    bibliographies: new ArticleBibliographies(new NodeBibliographyFileSystem(cwd), { maxBytes: () => (config.corpus?.maxFileSize ?? 5) * 1024 * 1024, readers: loadLibraryReaders }),
  };
}

/**
 * The taxonomy: the configuration's "taxonomy" path or corpus/tags.{yaml,yml,json}. Like every file the CLI
 * opens from the repository, it must be a regular file inside it: a path climbing out, an absolute path or a
 * symbolic link leading out is reported (without quoting what is there) and never read.
 */
async function loadTaxonomy(tags: TagService, config: ProjectConfig, root: string, configPath: string, configText: string, problems: CorpusProblem[]): Promise<void> {
  const lineOfKey = () => Math.max(0, configText.slice(0, Math.max(0, configText.indexOf('"taxonomy"'))).split('\n').length - 1);
  let taxonomyPath: string | undefined;
  if (config.taxonomy) {
    if (climbsOutOfFolder(config.taxonomy) || path.isAbsolute(config.taxonomy)) {
      problems.push({ uri: toUri(configPath), line: lineOfKey(), severity: 'error', code: 'config-taxonomy-outside', message: 'The "taxonomy" path leads outside the repository (.. or an absolute path); it is ignored.' });
      tags.refreshUsage();
      return;
    }
    taxonomyPath = path.resolve(root, config.taxonomy);
  } else {
    for (const name of ['tags.yaml', 'tags.yml', 'tags.json']) {
      const candidate = path.join(root, 'corpus', name);
      if (await fs.lstat(candidate).then(() => true, () => false)) {
        taxonomyPath = candidate;
        break;
      }
    }
  }
  if (!taxonomyPath) {
    tags.refreshUsage();
    return;
  }
  const read = await readRepositoryFile(taxonomyPath, [root], MAX_TAXONOMY_BYTES);
  if ('bytes' in read) {
    tags.setTaxonomyFile(toUri(taxonomyPath), new TextDecoder().decode(read.bytes));
    return;
  }
  if (read.missing && config.taxonomy) throw new UsageError(`taxonomy file not found: ${config.taxonomy}`);
  const relative = path.relative(root, taxonomyPath).split(path.sep).join('/');
  problems.push(
    config.taxonomy
      ? { uri: toUri(configPath), line: lineOfKey(), severity: 'error', code: 'taxonomy-refused', message: `The taxonomy file ${relative}: ${read.refused}.` }
      : { uri: toUri(taxonomyPath), line: 0, severity: 'error', code: 'taxonomy-refused', message: `The taxonomy file ${relative}: ${read.refused}.` },
  );
  tags.refreshUsage();
}
