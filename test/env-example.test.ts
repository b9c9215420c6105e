import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../bot/config';
import { packageSettingsSchema } from '../manifest/settings';
import { firstCellNames, section } from './helpers/markdown';

const read = (file: string): string => readFileSync(join(__dirname, '..', file), 'utf8');
const sorted = (names: string[]): string[] => [...new Set(names)].sort();

describe('settings documentation', () => {
  const botSettings = Object.keys(configSchema.shape);
  const packageSettings = Object.keys(packageSettingsSchema.shape);

  it('when .env.example is read, then it documents every setting the bot and the packager read, and nothing else', () => {
    const documented = [...read('.env.example').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map(([, key]) => key ?? '');
    assert.deepEqual(sorted(documented), sorted([...botSettings, ...packageSettings]));
  });

  it("when README's configuration table is read, then it has a row for every setting the bot reads, and nothing else", () => {
    const table = firstCellNames(section(read('README.md'), '## Configuration'));
    assert.deepEqual(sorted(table), sorted(botSettings));
  });

  it("when docs/deploy.md's Teams app package table is read, then it has a row for every setting the packager reads, and nothing else", () => {
    const table = firstCellNames(section(read('docs/deploy.md'), '## The Teams app package'));
    assert.deepEqual(sorted(table), sorted(packageSettings));
  });
});
