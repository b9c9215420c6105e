import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { testUser } from '../helpers/activities';
import { botPerTest, type TestBot } from '../helpers/bot';
import { type StandInConnector } from '../helpers/connector';
import { actionsOf, formOf, WORKSHOP, workshopDriver } from '../helpers/workshops';

/** The AP framework workshop ends at 12:00 London on Tue 7 May 2024 (11:00Z). */
const WORKSHOP_ENDS = Date.parse('2024-05-07T11:00:00Z');
const WEEK = 7 * 24 * 3600_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const tokenOf = (url: string): string => decodeURIComponent(url.split('/').pop() ?? '');

/**
 * A booking's calendar link carries a secret (anyone with the link gets the file), and
 * App Service logs request paths: the store keeps only a hash of it, as it does for
 * exports, and the link stops working a week after the workshop ends.
 */
describe('calendar links', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let teams: ReturnType<typeof workshopDriver>;

  botPerTest(() => ({}), (b, c) => {
    [bot, connector] = [b, c];
    teams = workshopDriver(bot, connector);
  });

  const calendarUrlIn = (card: unknown): string | undefined => actionsOf(card).find((a) => a.title === 'Add to calendar' && a.type === 'Action.OpenUrl')?.url;
  const rawLedger = async (): Promise<string> => {
    const { resource } = await bot.store.cosmos.containers.events.item('ledger', WORKSHOP).read<Record<string, unknown>>();
    return JSON.stringify(resource);
  };

  it('when someone books, then their card links to their calendar file and the store holds only a hash of the link\'s secret', async () => {
    const alice = testUser(21);
    const card = await teams.invoke(alice, 'workshop.book', { eventId: WORKSHOP, ...formOf(alice) });
    const url = calendarUrlIn(card);
    assert.ok(url, 'the booked card links to the calendar file');
    const token = tokenOf(url);
    const stored = await rawLedger();
    assert.ok(!stored.includes(token), 'the token itself is not stored');
    assert.ok(stored.includes(sha256(token)), 'its hash is');
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /BEGIN:VCALENDAR/);
  });

  it('when the workshop ended more than a week ago, then the link no longer works; until then it does', async () => {
    const bob = testUser(22);
    const url = calendarUrlIn(await teams.invoke(bob, 'workshop.book', { eventId: WORKSHOP, ...formOf(bob) }))!;
    bot.clock.set(new Date(WORKSHOP_ENDS + WEEK - 60_000).toISOString());
    assert.equal((await fetch(url)).status, 200, 'a minute before the week is up');
    bot.clock.set(new Date(WORKSHOP_ENDS + WEEK + 60_000).toISOString());
    const expired = await fetch(url);
    assert.equal(expired.status, 404);
    assert.match(await expired.text(), /not valid or has expired/);
  });

  it('when the booked person opens the workshop again, then Add to calendar gives a fresh working link, the earlier one stops working, and only hashes are stored', async () => {
    const cat = testUser(23);
    const first = calendarUrlIn(await teams.invoke(cat, 'workshop.book', { eventId: WORKSHOP, ...formOf(cat) }))!;
    const view = await teams.invoke(cat, 'workshop.view', { eventId: WORKSHOP });
    const add = actionsOf(view).find((a) => a.title === 'Add to calendar');
    assert.equal(add?.type, 'Action.Execute', 'a later view asks for a link rather than showing a stored one');
    const card = await teams.invoke(cat, add.verb!, add.data);
    const fresh = calendarUrlIn(card);
    assert.ok(fresh && fresh !== first);
    assert.equal((await fetch(fresh)).status, 200);
    assert.equal((await fetch(first)).status, 404, 'only the latest link works');
    const stored = await rawLedger();
    assert.ok(![tokenOf(first), tokenOf(fresh)].some((token) => stored.includes(token)));
  });

  it('when a ledger written before links were hashed holds a link\'s secret, then that link no longer works and the next write drops the secret', async () => {
    const eve = testUser(25);
    await teams.invoke(eve, 'workshop.book', { eventId: WORKSHOP, ...formOf(eve) });
    const events = bot.store.cosmos.containers.events;
    const { resource } = await events.item('ledger', WORKSHOP).read<{ entries: Record<string, unknown>[] }>();
    const plain = 'P'.repeat(43);
    const old = { ...resource!, entries: resource!.entries.map(({ calendarTokenHash: _hash, ...entry }) => ({ ...entry, calendarToken: plain })) };
    await events.items.upsert(old);
    assert.equal((await fetch(`${bot.url}/downloads/calendar/${WORKSHOP}/${plain}`)).status, 404);
    const fay = testUser(26);
    await teams.invoke(fay, 'workshop.book', { eventId: WORKSHOP, ...formOf(fay) });
    assert.ok(!(await rawLedger()).includes(plain));
  });

  it('when someone without a booking, or after the week is up, asks for a calendar link, then none is made and nothing is written', async () => {
    const dan = testUser(24);
    const before = await rawLedger().catch(() => '');
    const refused = await teams.invoke(dan, 'workshop.calendar', { eventId: WORKSHOP });
    assert.equal(calendarUrlIn(refused), undefined);
    assert.equal(await rawLedger().catch(() => ''), before);

    await teams.invoke(dan, 'workshop.book', { eventId: WORKSHOP, ...formOf(dan) });
    bot.clock.set(new Date(WORKSHOP_ENDS + WEEK + 60_000).toISOString());
    const booked = await rawLedger();
    const late = await teams.invoke(dan, 'workshop.calendar', { eventId: WORKSHOP });
    assert.equal(calendarUrlIn(late), undefined);
    assert.equal(await rawLedger(), booked);
  });
});
