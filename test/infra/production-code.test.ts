import { strict as assert } from 'node:assert';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/infra';

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
});
