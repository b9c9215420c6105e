import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as verbs from '../../cards/verbs';
import { startTestBot, type TestBot } from '../helpers/bot';

const ROOT = join(__dirname, '../..');
const DECLARED = new Map(Object.entries(verbs).map(([name, verb]) => [verb, name]));

/** The code that draws cards or answers their buttons (the gallery's fixtures aside). */
function codeFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return codeFiles(path);
    return /\.(ts|json)$/.test(name) && !name.startsWith('gallery') && path !== join('cards', 'verbs.ts') ? [path] : [];
  });
}

describe('card verbs (cards/verbs.ts)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot?.close();
  });

  it('when the routes are listed, then every card action answers a verb declared in cards/verbs.ts, and every declared verb has its route', () => {
    const routed = bot.routes.actions.map((action) => action.verb);
    assert.deepEqual(routed.filter((verb) => !DECLARED.has(verb)), []);
    assert.deepEqual([...DECLARED.keys()].filter((verb) => !routed.includes(verb)), []);
    assert.equal(new Set(routed).size, routed.length, 'two routes answer one verb');
  });

  it('when the templates, render functions and routes are read, then no verb is written out anywhere but in cards/verbs.ts', () => {
    const written: string[] = [];
    for (const file of [...codeFiles('cards'), ...codeFiles('bot')]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [verb, name] of DECLARED) {
        if (text.includes(`'${verb}'`) || text.includes(`"${verb}"`)) written.push(`${relative(ROOT, join(ROOT, file))}: ${verb} (use ${name})`);
      }
    }
    assert.deepEqual(written, []);
  });
});
