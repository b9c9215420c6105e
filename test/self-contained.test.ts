import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
/** Notes kept beside the repository while it was built, which a clone does not have. */
const OUTSIDE = [['DESIGN', 'md'].join('.'), ['..', 'shared'].join('/')];

describe('the repository documents itself', () => {
  it('when every tracked text file is read, then none points to notes outside the repository (docs/architecture.md is the map)', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(ts|js|mjs|json|md|yml|yaml|bicep|txt)$/.test(file) && file !== 'package-lock.json');
    assert.ok(files.length > 100, `only ${files.length} files listed`);
    const pointing = files.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return OUTSIDE.some((name) => text.includes(name));
    });
    assert.deepEqual(pointing, []);
  });
});
