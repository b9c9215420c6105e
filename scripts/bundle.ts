/**
 * npm run bundle: writes build/bot.zip, what `az webapp deploy --type zip` uploads to the
 * App Service (docs/deploy.md; m365agents.yml and the deploy workflow run it too): the
 * compiled bot (dist/), package.json and the production node_modules, installed fresh
 * from the lock file. App Service runs it as it
 * is (no build on the server: SCM_DO_BUILD_DURING_DEPLOYMENT=false in infra/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const ROOT = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every regular file under `dir`, keyed by its path inside the zip. Links are skipped (node_modules/.bin): nothing at run time uses them. */
function collect(dir: string, base: string, into: Zippable): Zippable {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isDirectory()) collect(path, base, into);
    else if (stat.isFile()) into[relative(base, path).split('\\').join('/')] = readFileSync(path);
  }
  return into;
}

function main(): void {
  execFileSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const staging = mkdtempSync(join(tmpdir(), 'nlc-bundle-'));
  try {
    for (const item of ['dist', 'patches', 'package.json', 'package-lock.json', '.npmrc']) {
      cpSync(join(ROOT, item), join(staging, item), { recursive: true });
    }
    execFileSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: staging, stdio: 'inherit' });
    const zip = zipSync(collect(staging, staging, {}), { level: 6 });
    mkdirSync(join(ROOT, 'build'), { recursive: true });
    writeFileSync(join(ROOT, 'build', 'bot.zip'), zip);
    process.stdout.write(`build/bot.zip: ${(zip.length / 1024 / 1024).toFixed(1)} MB\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main();
