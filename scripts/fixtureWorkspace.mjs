// Integration, Restricted Mode and web suites open a temporary copy of their fixture folder: tests create,
// edit and delete files in their workspace, and none of that may touch the repository's tracked files.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './offline/install.mjs';

/** A copy of test/fixtures/<name> in a new temporary folder (same folder name), and how to remove it. */
export function copyFixtureWorkspace(name) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-workspace-'));
  const workspace = path.join(root, name);
  cpSync(path.join(repoRoot, 'test', 'fixtures', name), workspace, { recursive: true, verbatimSymlinks: true });
  return { workspace, remove: () => rmSync(root, { recursive: true, force: true }) };
}
