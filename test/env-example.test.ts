import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../bot/config';
import { packageSettingsSchema } from '../manifest/settings';

const read = (file: string): string => readFileSync(join(__dirname, '..', file), 'utf8');

describe('settings documentation', () => {
  const settings = [...Object.keys(configSchema.shape), ...Object.keys(packageSettingsSchema.shape)];

  it('when .env.example is read, then it documents every setting the bot and the packager read, and nothing else', () => {
    const documented = [...read('.env.example').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(documented)].sort(), [...new Set(settings)].sort());
  });

  it('when README is read, then every setting appears in it', () => {
    const readme = read('README.md');
    assert.deepEqual(settings.filter((key) => !readme.includes(`\`${key}\``)), []);
  });
});
