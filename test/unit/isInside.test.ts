import * as assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { isInside } from '../../src/cli/repositoryFiles';

/** What "inside" means, segment by segment: the folder's segments are the file's first ones. */
function bySegments(file: string, folder: string): boolean {
  const parts = (value: string) => value.split('/').filter((part) => part !== '');
  const [fileParts, folderParts] = [parts(file), parts(folder)];
  return folderParts.length <= fileParts.length && folderParts.every((part, at) => fileParts[at] === part);
}

test('isInside agrees with a segment-by-segment comparison on any normalised absolute paths', () => {
  const names = ['a', 'ab', 'b', '..a', 'a..', '.a', '文章', 'a b'];
  let seed = 7;
  const random = (count: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % count;
  };
  const randomPath = () => path.posix.normalize(`/${Array.from({ length: random(4) }, () => names[random(names.length)]).join('/')}`);
  for (let round = 0; round < 5_000; round++) {
    const folder = randomPath();
    // Often a file below the folder or next to it, so that both answers come up.
    const file = random(2) === 0 ? path.posix.join(folder, ...Array.from({ length: random(3) }, () => names[random(names.length)]!)) : randomPath();
    assert.equal(isInside(file, folder), bySegments(file, folder), `${file} in ${folder}`);
  }
  assert.equal(isInside('/repo/..notes/a.md', '/repo'), true, 'a folder whose name starts with two dots is inside');
  assert.equal(isInside('/repository/a.md', '/repo'), false, 'a longer name is not the folder');
  assert.equal(isInside('/repo', '/repo'), true);
  assert.equal(isInside('/etc/passwd', '/'), true);
});
