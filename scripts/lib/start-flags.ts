import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node flags of `npm start` (package.json), which App Service's start command repeats
 * (with its heap cap): the build compiles the code cache under them, since V8 rejects a
 * cache made under other V8 flags, and the benchmarks start the built bot with them.
 */
export function startFlags(root = join(__dirname, '..', '..')): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (scripts.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}
