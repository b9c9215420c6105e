import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { bundlePackageJson } from '../../scripts/bundle';
import { devOnlyPackages } from '../../scripts/lib/packages';
import { readRepoFile, ROOT } from '../helpers/infra';

const packageJson = JSON.parse(readRepoFile('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** Source text of every file under a folder, recursively. */
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

/** Every source file `npm run build` compiles into dist/, imports followed, relative to the repository. */
function buildFiles(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  });
  assert.ok(config, 'tsconfig.build.json reads');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return program
    .getSourceFiles()
    .map((file) => relative(ROOT, file.fileName))
    .filter((file) => !file.startsWith('node_modules'));
}

describe('what Azure runs: production code only', () => {
  it('when the production build is listed, then it holds bot/ and cards/ only: no card gallery fixtures, scripts, tests or benchmarks', () => {
    const files = buildFiles();
    assert.ok(files.includes('bot/index.ts') && files.includes('cards/welcome.ts'), files.slice(0, 5).join(', '));
    assert.deepEqual(files.filter((file) => !/^(bot|cards)\//.test(file) || /gallery/.test(file)), []);
  });

  it('when the lock file is read, then npm ci --omit=dev leaves out the embedded Cosmos server, its query engine, patch-package and the test and build tools', () => {
    const devOnly = devOnlyPackages(ROOT);
    const expected = ['@vercel/cosmosdb-server', '@zeit/cosmosdb-query', 'patch-package', 'mocha', 'sinon', 'typescript', 'tsx', 'eslint', 'playwright-core', '@microsoft/m365agentsplayground'];
    assert.deepEqual(expected.filter((name) => !devOnly.has(name)), []);
    assert.ok(!devOnly.has('@azure/cosmos') && !devOnly.has('botbuilder'), 'production packages are not development-only');
  });

  it('when the production dependencies are listed, then bot/ or cards/ imports each, except openai, which @microsoft/teams-ai loads at start', () => {
    const code = [...sources('bot'), ...sources('cards')].join('\n');
    const unused = Object.keys(packageJson.dependencies).filter((name) => !code.includes(`'${name}'`) && !code.includes(`'${name}/`));
    assert.deepEqual(unused, ['openai']);
  });

  it('when @microsoft/teams-ai is loaded without openai, then it fails: openai stays a production dependency', () => {
    // Its index loads models/OpenAIModel.js, which requires openai at once, AI used or not.
    const script = [
      "const Module = require('node:module');",
      'const resolve = Module._resolveFilename;',
      "Module._resolveFilename = function (request, ...rest) { if (request === 'openai') throw Object.assign(new Error('no openai'), { code: 'MODULE_NOT_FOUND' }); return resolve.call(this, request, ...rest); };",
      "try { require('@microsoft/teams-ai'); console.log('loaded'); } catch (error) { console.log(error.message); }",
    ].join('\n');
    assert.equal(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim(), 'no openai');
  });

  it('when the bundle writes its package.json, then it has no postinstall (patch-package is not installed there) and no prestart build, and keeps the dependency lists npm ci checks', () => {
    const bundled = JSON.parse(bundlePackageJson(readRepoFile('package.json'))) as typeof packageJson;
    assert.ok(packageJson.scripts.postinstall?.includes('patch-package'), 'the development install still patches the embedded server');
    assert.equal(bundled.scripts.postinstall, undefined);
    assert.equal(bundled.scripts.prestart, undefined);
    assert.deepEqual([bundled.dependencies, bundled.devDependencies], [packageJson.dependencies, packageJson.devDependencies]);
  });
});
