// The extension's law-import worker (a Node worker thread, desktop only): converts the official open data
// (ChLaw.json, zipped or not) into the split folder format off the extension host's thread, so a 100 MB
// JSON.parse never stalls it. The same core code as `policy-annotator laws import`.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { parseAliasesJson } from './core/law/lawFiles';
import { MAX_OFFICIAL_JSON_BYTES, officialToSplitFiles, readOfficialFiles } from './core/law/officialImport';

interface Job {
  readonly files: string[];
  readonly out: string;
  readonly aliasesFile: string;
  readonly source: Record<string, string | number>;
}

async function run(job: Job): Promise<unknown> {
  const inputs = [];
  for (const file of job.files) {
    const stat = await fs.stat(file);
    if (stat.size > MAX_OFFICIAL_JSON_BYTES) return { error: `${path.basename(file)} is ${Math.ceil(stat.size / 1024 / 1024)} MB, more than the ${MAX_OFFICIAL_JSON_BYTES / 1024 / 1024} MB read.` };
    inputs.push({ uri: `file://${file}`, bytes: new Uint8Array(await fs.readFile(file)) });
  }
  const database = readOfficialFiles(inputs);
  if ('problem' in database) return { error: database.problem.message };
  const aliases = parseAliasesJson(`file://${job.aliasesFile}`, readFileSync(job.aliasesFile)).aliases;
  const { files, summary } = officialToSplitFiles(database, aliases, job.source);
  const staging = `${job.out}.importing`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, 'FalVMingLing'), { recursive: true });
  for (const file of files) await fs.writeFile(path.join(staging, file.path), file.bytes);
  await fs.rm(job.out, { recursive: true, force: true });
  await fs.rename(staging, job.out);
  return { summary, problems: database.problems.map((problem) => problem.message) };
}

run(workerData as Job).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
