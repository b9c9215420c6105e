import { strict as assert } from 'node:assert';
import { eventSchema } from '../../bot/domain/events/event';
import { createTestComposeInvoke, createTestInstallationUpdate, createTestInvoke, createTestSearch, groupChat, personalChat, testUser, type TestConversation, type TestUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';

type Attachment = { contentType: string; content: Record<string, unknown>; preview?: { content: { title: string; text: string } } };
type Answer = { type?: string; text?: string; attachments?: Attachment[] };

/** The compose-box search and pasted links, over HTTP against the real bot and its embedded Cosmos. */
describe('find and share: search and links end to end over HTTP', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const organiser = testUser(70);
  const [alice, bob] = [testUser(71), testUser(72)];
  const draft = eventSchema.parse({
    id: 'autumn-draft-2024',
    kind: 'event',
    title: 'Autumn practice conference (draft)',
    startsAt: '2024-10-01T08:00:00Z',
    endsAt: '2024-10-01T15:00:00Z',
    location: { type: 'venue', name: 'The Forum' },
    audience: 'All',
    status: 'draft',
  });

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId ?? '' } });
    await bot.store.events.saveEvent(draft);
    for (const person of [organiser, alice]) await bot.post(createTestInstallationUpdate(connector.serviceUrl, personalChat(person), person, 'add'));
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  const answerOf = (body: unknown): Answer => (body as { composeExtension: Answer }).composeExtension;
  const search = async (who: TestUser, where: TestConversation, text: string): Promise<Answer> => {
    const { status, body } = await bot.post(createTestSearch(connector.serviceUrl, where, who, text));
    assert.equal(status, 200);
    return answerOf(body);
  };
  const titles = (answer: Answer): string[] => (answer.attachments ?? []).map((a) => a.preview?.content.title ?? '');
  const paste = async (who: TestUser, where: TestConversation, url: unknown): Promise<Answer> =>
    answerOf((await bot.post(createTestComposeInvoke(connector.serviceUrl, where, who, 'composeExtension/queryLink', { url }))).body);

  it('when a result is for a group chat, then it is the bot\'s own card, refreshing for everyone there, with Share to its public page', async () => {
    const [first] = (await search(alice, groupChat(), 'new horizons')).attachments ?? [];
    assert.equal(first?.contentType, 'application/vnd.microsoft.card.adaptive');
    const card = first.content as { refresh?: { userIds?: string[]; action: { verb: string } }; actions?: { title: string; url?: string }[] };
    assert.match(cardText(card), /New Horizons[\s\S]*Will you come\?/);
    assert.deepEqual(card.refresh, { action: { type: 'Action.Execute', verb: 'event.view', data: { eventId: 'new-horizons-2024' } } });
    const share = card.actions?.find((a) => a.title === 'Share');
    assert.equal(share?.url, `https://teams.microsoft.com/share?href=${encodeURIComponent(`${bot.url}/e/new-horizons-2024`)}&preview=true`);
  });

  it('when someone searches in their own chat with the bot, then the card is their own view: their answer, refreshing for them', async () => {
    await bot.post(createTestInvoke(connector.serviceUrl, personalChat(alice), alice, 'event.rsvp', { eventId: 'new-horizons-2024', response: 'maybe' }));
    const [first] = (await search(alice, personalChat(alice), 'new horizons')).attachments ?? [];
    assert.match(cardText(first?.content), /You said maybe/);
    assert.deepEqual((first?.content.refresh as { userIds?: string[] }).userIds, [alice.id]);
    const [shared] = (await search(alice, groupChat(), 'new horizons')).attachments ?? [];
    assert.doesNotMatch(cardText(shared?.content), /You said maybe/, 'not in a group chat');
  });

  it('when an organiser searches in their own chat, then drafts and past events appear too, and a workshop is the organisers\' attendee card', async () => {
    bot.clock.set('2024-05-08T08:00:00Z');
    try {
      assert.deepEqual(titles(await search(organiser, personalChat(organiser), 'autumn practice')), ['Autumn practice conference (draft)']);
      const workshop = (await search(organiser, personalChat(organiser), 'AP framework')).attachments?.[0];
      assert.equal(workshop?.preview?.content.title, 'AP framework workshop', 'a past workshop, for an organiser');
      assert.match(cardText(workshop?.content), /^For organisers\nAttendees: AP framework workshop[\s\S]*0 booked/);
      assert.equal(workshop?.preview?.content.text.startsWith("Workshop (organisers' view)"), true);
    } finally {
      bot.clock.set('2024-04-23T08:00:00Z');
    }
  });

  it('when an organiser searches anywhere else, or anyone else searches, then no draft appears; a past event only for the organiser', async () => {
    assert.deepEqual(titles(await search(organiser, groupChat(), 'autumn practice')), []);
    assert.deepEqual(titles(await search(alice, personalChat(alice), 'autumn practice')), []);
    // A 1:1 chat with a colleague is "personal" to Teams, but it is not the organiser's chat with the bot.
    assert.deepEqual(titles(await search(organiser, { id: 'a:colleague-chat', conversationType: 'personal' }, 'autumn practice')), []);
  });

  it('when a link to a draft is pasted, then it unfolds only for an organiser in their own chat', async () => {
    const url = `${bot.url}/e/${draft.id}`;
    assert.deepEqual((await paste(alice, groupChat(), url)).attachments, []);
    assert.deepEqual((await paste(organiser, groupChat(), url)).attachments, []);
    assert.equal((await paste(organiser, personalChat(organiser), url)).attachments?.length, 1);
  });

  it('when deadlines and calls are pasted as links, then they unfold into their own cards', async () => {
    assert.match(cardText((await paste(bob, groupChat(), `${bot.url}/d/attendance-framework-survey-2024`)).attachments?.[0]?.content), /Attendance framework survey[\s\S]*Remind me/);
    assert.match(cardText((await paste(bob, groupChat(), `${bot.url}/c/tg5-collaborative-standard/tg5-case-studies`)).attachments?.[0]?.content), /Case studies[\s\S]*Send/);
  });

  it('when a search is odd (too long, symbols only, unknown parameters, another command, a malformed value), then it gets no results or a short line, and nothing is written', async () => {
    const before = await totalDocs(bot.store);
    const send = (value: unknown) => bot.post(createTestComposeInvoke(connector.serviceUrl, groupChat(), bob, 'composeExtension/query', value));
    // What each must get: a short line, no results, or (Teams' first run) what is coming up.
    const odd: [string, unknown, 'line' | 'none' | 'some'][] = [
      ['too long', { commandId: 'findNlc', parameters: [{ name: 'query', value: 'practice '.repeat(100) }] }, 'line'],
      ['symbols only', { commandId: 'findNlc', parameters: [{ name: 'query', value: '%%% <<>> !!!' }] }, 'line'],
      ['unknown parameters', { commandId: 'findNlc', parameters: [{ name: 'colour', value: 'blue' }, { name: '__proto__', value: { query: 'x' } }] }, 'none'],
      ['not text', { commandId: 'findNlc', parameters: [{ name: 'query', value: { $ne: '' } }] }, 'some'],
      ['another command', { commandId: 'somethingElse', parameters: [{ name: 'query', value: 'practice' }] }, 'none'],
      ['parameters not a list', { commandId: 'findNlc', parameters: 'query=practice' }, 'none'],
      ['too many parameters', { commandId: 'findNlc', parameters: Array.from({ length: 50 }, () => ({ name: 'query', value: 'practice' })) }, 'none'],
      ['paging nonsense', { commandId: 'findNlc', parameters: [{ name: 'query', value: 'practice' }], queryOptions: { skip: -1, count: 'all' } }, 'some'],
      ['no value', undefined, 'none'],
      ['a string value', 'practice', 'none'],
      ["Teams' first run", { commandId: 'findNlc', parameters: [{ name: 'initialRun', value: 'true' }] }, 'some'],
    ];
    for (const [what, value, expected] of odd) {
      const { status, body } = await send(value);
      assert.equal(status, 200, what);
      const answer = answerOf(body);
      const got = answer.type === 'message' ? ((answer.text ?? '').length < 200 ? 'line' : 'a long line') : (answer.attachments ?? []).length > 0 ? 'some' : 'none';
      assert.equal(got, expected, `${what}: ${JSON.stringify(body).slice(0, 200)}`);
    }
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when the Agents Playground searches without naming the command or the parameter, then the words typed are still searched for', async () => {
    const { body } = await bot.post(createTestComposeInvoke(connector.serviceUrl, groupChat(), bob, 'composeExtension/query', { parameters: [{ value: 'AP framework' }], queryOptions: { skip: 0, count: 25 } }));
    assert.equal(titles(answerOf(body))[0], 'AP framework workshop');
  });

  it('when a pasted link is not one of this bot\'s pages, then nothing unfolds and nothing fails', async () => {
    for (const url of ['https://example.org/e/new-horizons-2024', `${bot.url}/e/NOT_AN_ID`, `${bot.url}/x/new-horizons-2024`, `${bot.url}/e/no-such-event`, 'not a url', 42, 'x'.repeat(5000)]) {
      assert.deepEqual((await paste(bob, groupChat(), url)).attachments, [], String(url).slice(0, 60));
    }
  });
});
