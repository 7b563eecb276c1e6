import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@nets/shared/testing';

/** Writes what a platform's processes logged to tmp/platform-faults-<name>.log (ignored by git). */
export function keepOutput(name: string, output: string): void {
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'tmp', `platform-faults-${name}.log`), output);
}
