/** The command line, parsed. Unknown flags are usage errors (exit 2), never ignored. */
export interface CliArgs {
  readonly command: 'annotate' | 'check' | 'search' | 'render' | 'laws' | 'harvest' | 'export' | 'sources' | 'help' | 'version';
  readonly positional: string[];
  readonly corpus: string[];
  readonly embedded: boolean;
  readonly json: boolean;
  readonly cards: boolean;
  readonly strict: boolean;
  readonly format: 'text' | 'json' | 'sarif';
  readonly color: boolean | undefined;
  readonly config?: string;
  readonly limit: number;
  /** A folder of the national law database (per-law JSON) for statute references. */
  readonly laws?: string;
  /** `laws import`, `laws download`: the folder to write; `render`, `harvest`, `export`: the file to write. */
  readonly out?: string;
  /** `laws download`: the address to fetch (a mirror, a local test server), the fewest laws accepted, the idle timeout in seconds, and --check. */
  readonly url?: string;
  readonly minLaws?: number;
  readonly timeoutSeconds?: number;
  readonly check: boolean;
  /** `export`: the library format. */
  readonly exportFormat: 'csl-json' | 'bibtex';
  /** `sources`: a shipped style's name or a .csl file. */
  readonly style?: string;
  /** check, annotate: threads that check (--jobs N: this one and N - 1 worker threads); undefined: one per core. 1 checks in the main thread alone. */
  readonly jobs?: number;
}

export class UsageError extends Error {}

/** More threads than this only cost memory (each holds its own corpus). */
export const MAX_JOBS = 256;

const VALUE_FLAGS = new Set(['--corpus', '--format', '--config', '--limit', '--laws', '--out', '--url', '--min-laws', '--timeout', '--style', '--jobs']);
const COMMANDS = new Set(['annotate', 'check', 'search', 'render', 'laws', 'harvest', 'export', 'sources', 'help', 'version']);
const BOOLEAN_FLAGS = new Set(['--no-embedded', '--json', '--cards', '--strict', '--color', '--no-color', '--help', '-h', '--version', '--check']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      for (const rest of argv.slice(index + 1)) positional.push(rest);
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++index];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (BOOLEAN_FLAGS.has(name)) flags.add(name);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [first, ...rest] = positional;
  const command = flags.has('--version') ? 'version' : flags.has('--help') || flags.has('-h') || first === undefined || first === 'help' ? 'help' : first;
  if (!COMMANDS.has(command)) {
    throw new UsageError(`unknown command "${command}" (use annotate, check, search, render, harvest, export, sources or laws import)`);
  }
  const formatValue = values.get('--format')?.at(-1);
  const exportFormat = command === 'export' ? (formatValue ?? 'csl-json') : 'csl-json';
  if (exportFormat !== 'csl-json' && exportFormat !== 'bibtex') throw new UsageError(`--format must be csl-json or bibtex, not "${exportFormat}"`);
  const format = command === 'export' ? 'text' : (formatValue ?? (flags.has('--json') ? 'json' : 'text'));
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  const style = values.get('--style')?.at(-1);
  const limitText = values.get('--limit')?.at(-1) ?? '20';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${limitText}"`);
  const config = values.get('--config')?.at(-1);
  const laws = values.get('--laws')?.at(-1);
  const out = values.get('--out')?.at(-1);
  const url = values.get('--url')?.at(-1);
  const positiveNumber = (flag: string, max: number) => {
    const written = values.get(flag)?.at(-1);
    if (written === undefined) return undefined;
    const value = Number(written);
    if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`${flag} must be a number from 1 to ${max}, not "${written}"`);
    return value;
  };
  const minLaws = positiveNumber('--min-laws', 1_000_000);
  const timeoutSeconds = positiveNumber('--timeout', 3600);
  const jobsText = values.get('--jobs')?.at(-1);
  const jobs = jobsText === undefined ? undefined : Number(jobsText);
  if (jobs !== undefined && (!/^\d+$/.test(jobsText!) || jobs < 1 || jobs > MAX_JOBS)) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${jobsText}"`);
  return {
    command: command as CliArgs['command'],
    positional: command === 'help' || command === 'version' ? [] : rest,
    corpus: values.get('--corpus') ?? [],
    embedded: !flags.has('--no-embedded'),
    json: flags.has('--json') || format === 'json',
    cards: flags.has('--cards'),
    strict: flags.has('--strict'),
    format,
    color: flags.has('--color') ? true : flags.has('--no-color') ? false : undefined,
    ...(config ? { config } : {}),
    limit,
    ...(laws ? { laws } : {}),
    ...(out ? { out } : {}),
    ...(url ? { url } : {}),
    ...(minLaws !== undefined ? { minLaws } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    check: flags.has('--check'),
    exportFormat,
    ...(style ? { style } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
  };
}

export const HELP = `policy-annotator: check and annotate policy articles against a corpus of sources

Usage:
  policy-annotator annotate <file...> [--corpus <dir|file>]... [--no-embedded] [--json] [--cards] [--jobs <n>]
  policy-annotator check <files or globs...> [--corpus <dir|file>]... [--strict] [--format text|json|sarif] [--jobs <n>]
  policy-annotator search <query> [--corpus <dir|file>]... [--limit <n>]
  policy-annotator render <article.md> [--out page.html] [--corpus <dir|file>]... [--laws <path>] [--no-embedded]
  policy-annotator laws import <ChLaw.json|ChLaw.zip>... --out <dir>
  policy-annotator laws download --out <dir> [--check] [--url <url>]
  policy-annotator harvest <files or globs...> [--out corpus/harvested.jsonl]
  policy-annotator export --format csl-json|bibtex <files or globs...> [--out <file>]
  policy-annotator sources [--style house|apa|<file.csl>] <file>

Options:
  --corpus <path>   a corpus folder or file (Markdown with YAML front matter, JSON, JSON Lines); repeatable
  --no-embedded     leave out the built-in corpus (the 2024 UK-US AI safety MOU)
  --laws <path>     the national law database for statute references: its official open data (ChLaw.json,
                    zipped or not) or a folder (index.json, aliases.json, FalVMingLing/<PCode>.json);
                    the built-in subset is used after it
  --out <path>      laws import, laws download: the folder to write (the fast folder format, for --laws
                    and laws.path); render: the HTML page to write (default: standard output);
                    harvest: the JSON Lines file to write (default corpus/harvested.jsonl, - for stdout);
                    export: the file to write (default: stdout)
  --url <url>       laws download: fetch from this address instead of the national law database's
                    (https; plain http only for 127.0.0.1 or localhost)
  --check           laws download: only say whether a newer edition than the one in --out is published
  --min-laws <n>    laws download: the fewest laws a download must hold (default 1000)
  --timeout <s>     laws download: stop when the server sends nothing for this many seconds (default 60)
  --style <s>       sources: house (default), apa, or a .csl file inside the current folder
  --config <file>   the configuration file (default: .policy-annotator.json in the current folder)
  --json            annotate: print JSON (one object per file)
  --cards           annotate: include each reference's hover card (Markdown)
  --strict          check: warnings fail too
  --jobs <n>        check, annotate: threads that check, this one and n-1 workers (default: one per core; 1: this one alone)
  --format <f>      check: text (default), json or sarif; export: csl-json (default) or bibtex
  --color, --no-color
Exit codes: 0 no errors; 1 errors (or warnings with --strict); 2 usage error or a file that cannot be read.`;
