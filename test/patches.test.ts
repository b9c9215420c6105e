import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * The fixes in patches/ (the embedded Cosmos server's query speed and partition scoping,
 * teams-ai's lighter start) are applied by patch-package after `npm ci`. A dependency
 * upgrade that makes one stop applying must fail here, not show up later as a slow or
 * differently-behaving store.
 */
describe('patches to dependencies (patches/, applied by patch-package on npm ci)', () => {
  it('when npm ci has run, then every patch in patches/ is applied to node_modules', () => {
    const patches = readdirSync(join(ROOT, 'patches')).filter((name) => name.endsWith('.patch'));
    assert.ok(patches.length >= 3, `only ${patches.length} patches found`);
    const notApplied = patches.filter((name) => {
      try {
        // Reversing an applied patch is possible exactly when it is applied as written.
        execFileSync('git', ['apply', '--reverse', '--check', join('patches', name)], { cwd: ROOT, stdio: 'pipe' });
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(notApplied, []);
  });
});
