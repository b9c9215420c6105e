import { strict as assert } from 'node:assert';
import { createTestInvoke, personalChat, testUser } from '../helpers/activities';
import { pressed } from '../helpers/card-buttons';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { FORBIDDEN, type FuzzCase, fuzzArbitraries, type FuzzWorld, sampleBatches } from '../helpers/fuzz/cases';
import { crawl } from '../helpers/fuzz/crawl';
import { runHostile, type Secrets } from '../helpers/fuzz/run';
import { heapAfterGc } from '../helpers/heap';
import { WORKSHOP, workshopDriver } from '../helpers/workshops';

/** A fixed seed: a failure names the case, and the same run reproduces it. Change it to explore. */
const SEED = 8_2024;
const CASES = 1_200;
const BATCH = 40;
/** Retained heap may grow by this much over the whole run (caches warming up); a leak per request would pass it. */
const HEAP_GROWTH_LIMIT = 24 * 1024 * 1024;

/**
 * Hostile input against the running bot over HTTP. The cases are generated from what
 * the app registered (its verbs and their data schemas, its commands) and from the
 * buttons a crawl of its cards found, so a verb or command added later is fuzzed too.
 */
describe('hostile input over HTTP (fuzz)', function () {
  this.timeout(180_000);
  let connector: StandInConnector;
  let bot: TestBot;
  const member = { ...testUser(801), name: 'Marigold Pennywhistle' };
  /** What the member types into every free-text input (school, needs, answers). */
  const TYPED = 'Quillfeather private answer';
  /** The member's name and what they typed: shown to no one else, and never where a refusal is due. */
  const secrets: Secrets = { owner: member.aadObjectId!, values: [member.name, TYPED] };
  const stranger = testUser(802);
  const organiser = testUser(803);
  let world: FuzzWorld;

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId! } });
    // The member acts (RSVPs, books, contributes): their own buttons then carry ids a stranger must not use.
    const memberSaw = await crawl(bot, connector, 'member', member, { click: true, typed: TYPED });
    // The crawl may have cancelled again what it booked: the member ends holding a place, on the organisers' list.
    await workshopDriver(bot, connector).invoke(member, 'workshop.book', { eventId: WORKSHOP, role: 'headteacher', school: TYPED, needs: TYPED });
    const sightings = [
      ...memberSaw,
      ...(await crawl(bot, connector, 'stranger', stranger, { click: false })),
      ...(await crawl(bot, connector, 'organiser', organiser, { click: false })),
    ];
    connector.clear();
    world = {
      serviceUrl: connector.serviceUrl,
      people: { member, stranger, organiser },
      sightings,
      actions: bot.routes.actions,
      commandNames: bot.routes.commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]),
    };
  });
  after(async () => {
    await bot?.close();
    await connector?.close();
  });

  it('when the crawl explores the bot, then it reaches most registered verbs, organiser-only buttons and the member\'s own', () => {
    const { organiserOnly, othersOwn } = fuzzArbitraries(world);
    const reached = new Set(world.sightings.map((s) => s.verb));
    const registered = bot.routes.actions.map((a) => a.verb);
    const missed = registered.filter((v) => !reached.has(v));
    // Verbs only a schema-driven case can reach still get the schema-invalid and unknown-id cases.
    assert.ok(reached.size >= registered.length / 2, `the crawl reached ${reached.size} of ${registered.length} verbs; missed ${missed.join(', ')}`);
    assert.ok(organiserOnly.length > 0, 'no organiser-only button was found, so forged organiser actions would not be tried');
    assert.ok(othersOwn.length > 0, "no button carrying the member's own ids was found, so other users' ids would not be tried");
  });

  it('when an organiser-only button is answered with the list it guards, then the judge reports it not refused and showing the member\'s details', async () => {
    // The organiser really may press it: answered this way, a forged press would be a leak.
    const guarded = world.sightings.find((s) => s.role === 'organiser' && s.verb === 'workshop.attendees');
    assert.ok(guarded, 'the organiser was shown no attendee list button');
    const chat = personalChat(organiser);
    const pressedByOrganiser: FuzzCase = {
      kind: 'forged-organiser',
      activity: createTestInvoke(connector.serviceUrl, chat, organiser, guarded.verb, pressed(guarded)),
      conversationId: chat.id,
      refusal: FORBIDDEN,
    };
    const report = await runHostile(bot, connector, [[pressedByOrganiser]], { secrets });
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0]!, /^not refused: "For organisers\\nAttendees[\s\S]*; the answer shows Marigold Pennywhistle, Quillfeather private answer <- forged-organiser/);
  });

  it(`when ${CASES} generated hostile activities arrive, then each gets a clear 2xx answer or a 4xx, nothing is written and the heap stays flat`, async () => {
    const { all } = fuzzArbitraries(world);
    heapAfterGc();
    const report = await runHostile(bot, connector, sampleBatches(all, SEED, CASES, BATCH), { secrets });

    const kinds = [...report.byKind].map(([kind, k]) => `${kind}: ${k.sent} sent, ${k.ok} 2xx, ${k.refused} 4xx, slowest ${k.slowestMs} ms`);
    assert.equal(report.problems.length, 0, `${report.problems.length} problems:\n${report.problems.slice(0, 15).join('\n')}\n\n${kinds.join('\n')}`);
    assert.ok(report.sent >= 1_000, `only ${report.sent} sent`);
    for (const kind of ['schema-invalid', 'unknown-verb', 'envelope', 'malformed', 'no-identity', 'unknown-ids', 'huge', 'forged-organiser', 'others-ids', 'message']) {
      assert.ok((report.byKind.get(kind)?.sent ?? 0) > 0, `no ${kind} case was generated:\n${kinds.join('\n')}`);
    }
    // The first samples include the warm-up (compiled code, caches); growth after that is what a leak shows.
    const [first, ...rest] = report.heap;
    assert.ok(first !== undefined && rest.length >= 3, `too few heap samples: ${report.heap.length}`);
    const growth = Math.max(...rest) - first;
    assert.ok(growth < HEAP_GROWTH_LIMIT, `heap grew by ${(growth / 1e6).toFixed(1)} MB: ${report.heap.map((h) => (h / 1e6).toFixed(1)).join(', ')} MB`);
  });

  // Last, as it changes the world: the cards the member was shown go stale when the organiser cancels their events.
  it('when cards for events the organiser has since cancelled are pressed again, then each gets a clear answer and nothing is written', async () => {
    const memberButtons = world.sightings.filter((s) => s.role === 'member' && typeof s.data.eventId === 'string');
    const eventIds = [...new Set(memberButtons.map((s) => s.data.eventId as string))];
    assert.ok(eventIds.length > 0, 'the member was shown no button for an event');
    for (const eventId of eventIds) {
      const cancelled = await bot.post(createTestInvoke(connector.serviceUrl, personalChat(organiser), organiser, 'author.cancel', { kind: 'event', id: eventId }));
      assert.match(cardText(invokeCard(cancelled.body)), /Cancelled/, `${eventId} was not cancelled`);
    }
    const stale: FuzzCase[] = memberButtons.map((s) => {
      const chat = personalChat(member);
      return { kind: 'stale-card', activity: createTestInvoke(connector.serviceUrl, chat, member, s.verb, pressed(s)), conversationId: chat.id };
    });
    const report = await runHostile(bot, connector, [stale], { secrets });
    assert.equal(report.problems.length, 0, report.problems.slice(0, 15).join('\n'));
    assert.equal(report.sent, stale.length);
  });
});
