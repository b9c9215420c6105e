import { strict as assert } from 'node:assert';
import { botCommands } from '../../manifest/commands';
import { gallery } from '../../scripts/gallery/gallery';
import { cardText } from '../helpers/connector';

describe('welcome and help in the gallery', () => {
  it('when the welcome and help pictures are drawn, then they list every command the bot has, not a fixture\'s few', () => {
    const commands = botCommands().map((c) => c.name);
    assert.ok(commands.length > 5, `the bot has ${commands.length} listed commands`);
    for (const name of ['welcome-personal', 'help-group']) {
      const entry = gallery.find((e) => e.name === name);
      assert.ok(entry, name);
      const text = cardText(entry.render());
      assert.deepEqual(commands.filter((c) => !text.includes(c)), [], name);
    }
  });
});
