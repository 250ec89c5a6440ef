import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './synthetic';

/**
 * A copy of the source folder where only `relPath` (file or folder) is a real, writable copy and
 * everything else is a symlink to the read-only original — cheap, and /work/shared is never touched.
 */
export function mirrorWithCopy(dataDir: string, relPath: string): { root: string; copy: string } {
  const root = tempDir('mirror');
  const segments = relPath.split('/');
  let src = dataDir;
  let dst = root;
  segments.forEach((seg, i) => {
    for (const name of readdirSync(src)) {
      if (name !== seg) symlinkSync(path.join(src, name), path.join(dst, name));
    }
    src = path.join(src, seg);
    dst = path.join(dst, seg);
    if (i < segments.length - 1) mkdirSync(dst);
    else cpSync(src, dst, { recursive: true });
  });
  return { root, copy: dst };
}
