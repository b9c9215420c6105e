import { strict as assert } from 'node:assert';
import { inputValues, problemBeside } from '../helpers/authoring';
import { botPerTest, type TestBot } from '../helpers/bot';
import { actionData, click, command, installPersonalChats, ORGANISER, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardText, type StandInConnector } from '../helpers/connector';
import { testUser } from '../helpers/activities';

/** A second organiser, working at the same moment as the first. */
const OTHER = testUser(901);
const twoOrganisers = () => organiserEnv({ ORGANISER_AAD_IDS: `${ORGANISER.aadObjectId},${OTHER.aadObjectId}` });

/** For each kind: one field the first organiser changes, another the second changes, and how to read the stored value back. */
const CASES = [
  {
    kind: 'event',
    id: 'nlc-meeting-2024-06',
    mine: { audience: 'All NLC members and governors' },
    theirs: { start: '15:30' },
    stored: async (bot: TestBot) => {
      const e = (await bot.store.cosmos.containers.events.item('nlc-meeting-2024-06', 'nlc-meeting-2024-06').read<{ audience: string; startsAt: string }>()).resource!;
      return { mine: e.audience, theirs: e.startsAt };
    },
  },
  {
    kind: 'deadline',
    id: 'attendance-framework-survey-2024',
    mine: { respondents: 'Attendance leads in Norfolk schools' },
    theirs: { closes: '2024-07-19' },
    stored: async (bot: TestBot) => {
      const d = (await bot.store.cosmos.containers.deadlines.item('attendance-framework-survey-2024', 'attendance-framework-survey-2024').read<{ respondents: string; closesAt: string }>()).resource!;
      return { mine: d.respondents, theirs: d.closesAt };
    },
  },
  {
    kind: 'call',
    id: 'tg1-ta-apprenticeship-stories',
    mine: { asks: 'Stories of teaching assistants who trained as apprentices, in a few paragraphs.' },
    theirs: { closes: '2024-07-12' },
    stored: async (bot: TestBot) => {
      const c = (await bot.store.cosmos.containers.taskGroups.item('call:tg1-ta-apprenticeship-stories', 'tg1-workforce').read<{ asks: string; closesAt: string }>()).resource!;
      return { mine: c.asks, theirs: c.closesAt };
    },
  },
] as const;

/**
 * Two organisers changing the same thing at once. Every edit is a read-modify-write
 * guarded by the document's etag, and the form remembers what it showed: the one who
 * saves second, from a form showing an older version, is shown the current version and
 * what changed instead of silently undoing the other's change.
 */
describe('organisers editing and cancelling the same thing at once', function () {
  this.timeout(60_000);
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: twoOrganisers() }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const save = (form: Record<string, unknown>, changes: Record<string, string>, user = ORGANISER) =>
    click(bot, connector, 'author.save', { ...inputValues(form), ...changes, ...actionData(form, 'author.save') }, { user });

  for (const c of CASES) {
    it(`when two organisers save edits to the same ${c.kind} from forms opened at once, then the second sees the current version and what changed, and the first's change stays`, async () => {
      const mineForm = await command(bot, connector, `edit ${c.id}`, ORGANISER);
      const theirsForm = await command(bot, connector, `edit ${c.id}`, OTHER);
      const before = await c.stored(bot);
      assert.match(cardText(await save(theirsForm, c.theirs, OTHER)), /Saved/);
      const afterTheirs = await c.stored(bot);
      assert.notEqual(afterTheirs.theirs, before.theirs, 'the second organiser changed the field');

      const answer = await save(mineForm, c.mine);
      assert.doesNotMatch(cardText(answer), /Saved/, 'an edit from an out-of-date form was saved over the other change');
      assert.match(cardText(answer), /changed .* while you/i);
      const [field, value] = Object.entries(c.theirs)[0]!;
      assert.equal(inputValues(answer)[field], value, 'the form shows the current version');
      assert.ok(problemBeside(answer, field), `what changed is shown beside "${field}"`);
      assert.deepEqual(await c.stored(bot), afterTheirs, 'nothing of the out-of-date edit was written');

      const again = await save(answer, c.mine);
      assert.match(cardText(again), /Saved/, 'saving from the refreshed form works');
      const final = await c.stored(bot);
      assert.equal(final.theirs, afterTheirs.theirs);
      assert.notEqual(final.mine, before.mine);
    });
  }

  it('when one organiser saves an edit while another cancels the event, then the event stays cancelled and the editor is told', async () => {
    const events = ['practice-week-2024-bitesize-mon', 'practice-week-2024-bitesize-tue', 'practice-week-2024-bitesize-thu', 'nlc-meeting-2024-06', 'new-horizons-2024', 'nlc-meeting-2024-09'];
    await installPersonalChats(bot, connector, 0, 1);
    // The forms are opened one after another (replies to commands are told apart by order in the chat), then all saved at once.
    const prepared: { id: string; form: Record<string, unknown>; confirm: Record<string, unknown> }[] = [];
    for (const id of events) {
      await click(bot, connector, 'event.rsvp', { eventId: id, response: 'going' }, { user: recipient(0) });
      prepared.push({ id, form: await command(bot, connector, `edit ${id}`, ORGANISER), confirm: await command(bot, connector, `cancel ${id}`, OTHER) });
    }
    const outcomes = await Promise.all(
      prepared.map(async ({ id, form, confirm }) => {
        const [edited, cancelled] = await Promise.all([
          save(form, { audience: 'Changed at the last minute' }),
          click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'), { user: OTHER }),
        ]);
        const stored = (await bot.store.cosmos.containers.events.item(id, id).read<{ status: string; audience: string }>()).resource!;
        return { id, edited: cardText(edited), cancelled: cardText(cancelled), stored };
      }),
    );
    for (const o of outcomes) {
      assert.match(o.cancelled, /Cancelled/, `${o.id}: ${o.cancelled}`);
      assert.equal(o.stored.status, 'cancelled', `${o.id}: an edit un-cancelled the event after people were told`);
      if (/Saved/.test(o.edited)) assert.equal(o.stored.audience, 'Changed at the last minute', `${o.id}: told saved, but the edit is not there`);
      else assert.match(o.edited, /cancelled/i, `${o.id}: ${o.edited}`);
    }
  });
});
