import { strict as assert } from 'node:assert';
import { BOT, channelThread, createTestInvoke, createTestMessage, groupChat, personalChat, type TestConversation, type TestUser, testUser } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { click, ORGANISER, organiserEnv } from '../helpers/broadcasts';
import { cardsIn, cardText, type SentActivity, startConnector, type StandInConnector } from '../helpers/connector';
import { WORKSHOP, workshopDriver } from '../helpers/workshops';

const TG2 = 'tg2-transitions';
/** Two more organisers: one never opened a personal chat with the bot, one whose chat Teams refuses. */
const NO_CHAT = testUser(5190);
const BLOCKED = testUser(5191);
const ann: TestUser = { ...testUser(5101), name: 'Marigold Pennywhistle' };
const ben: TestUser = { ...testUser(5102), name: 'Barnaby Quince' };
/** What the seeded people gave the bot: none of it may reach a group chat or channel. */
const SECRETS = [ann.name!, ben.name!, 'Quillfeather Primary', 'Thornbury Academy', 'Hearing loop', 'Step-free access', 'Shadow days with Year 6'];

const said = (sent: readonly SentActivity[]): string => sent.map((s) => `${s.activity.text ?? ''}\n${cardsIn(s).map(cardText).join('\n')}`).join('\n');
const leaked = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret));

/**
 * Organiser and lead lists (attendees, exports, digests, reminder lists, "forget person")
 * and a person's own lists never go into a group chat or channel: asked for there, they
 * go to the person's personal chat, and the conversation gets a short note.
 */
describe('lists with personal details asked for in a group chat or channel', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  let thread = 0;
  /** A new channel post for each case: its replies are that case's alone. */
  const newPost = (): TestConversation => channelThread('19:private-lists@thread.tacv2', `17000000${++thread}`);

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv({ ORGANISER_AAD_IDS: [ORGANISER, NO_CHAT, BLOCKED].map((u) => u.aadObjectId).join(',') }) });
    const drive = workshopDriver(bot, connector);
    for (const person of [ORGANISER, BLOCKED, ann]) await drive.install(person);
    await drive.invoke(ann, 'workshop.book', { eventId: WORKSHOP, role: 'headteacher', school: 'Quillfeather Primary', needs: 'Hearing loop at the front' });
    await drive.invoke(ben, 'workshop.book', { eventId: WORKSHOP, role: 'senco', school: 'Thornbury Academy', needs: 'Step-free access' });
    await click(bot, connector, 'event.rsvp', { eventId: 'new-horizons-2024', response: 'going' }, { user: ann });
    await click(bot, connector, 'group.join', { groupId: TG2 }, { user: ann });
    await click(bot, connector, 'contribution.submit', { groupId: TG2, callId: 'tg2-transition-survey', respondent: 'Staff', q1: 'Shadow days with Year 6 teachers', q2: 'Shared timetables', q3: '' }, { user: ann });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  const type = async (where: TestConversation, user: TestUser, text: string) => {
    const mine = personalChat(user).id;
    const before = connector.sentTo(mine).length;
    await bot.post(createTestMessage(connector.serviceUrl, where, user, text));
    return { here: connector.sentTo(where.id), privately: connector.sentTo(mine).slice(before) };
  };

  const cases: [string, TestUser, string, RegExp][] = [
    ['attendees', ORGANISER, 'attendees', /Marigold Pennywhistle\*\* · Headteacher · Quillfeather Primary[\s\S]*Needs: Hearing loop/],
    ['the attendee export', ORGANISER, 'export attendees', /Your export is ready[\s\S]*Barnaby Quince/],
    ['a capacity change', ORGANISER, 'capacity 45', /Places set to 45[\s\S]*Marigold Pennywhistle/],
    ['a lead\'s digest', ORGANISER, 'digest 2', /What has come in[\s\S]*Survey answer from Marigold Pennywhistle/],
    ['who will be reminded', ORGANISER, 'reminders new-horizons-2024', /On the list now[\s\S]*Marigold Pennywhistle/],
    ['"forget person"', ORGANISER, 'forget person Marigold Pennywhistle', /Marigold Pennywhistle/],
    ['"my bookings"', ann, 'my bookings', /AP framework workshop/],
    ['"my contributions"', ann, 'my contributions', /Your contributions[\s\S]*Survey answer for Task Group 2/],
    ['"my events"', ann, 'my events', /New Horizons/],
    ['"forget me"', ann, 'forget me', /Delete my data/],
  ];
  for (const [what, user, text, expected] of cases) {
    it(`when ${what} is asked for in a channel, then the channel gets only a short note and the list arrives in the personal chat`, async () => {
      const { here, privately } = await type(newPost(), user, text);
      assert.equal(here.length, 1, said(here));
      assert.match(said(here), /Sent to you privately/);
      assert.deepEqual(leaked(said(here)), []);
      assert.equal(privately.length, 1);
      assert.match(said(privately), expected);
    });
  }

  it('when an organiser types "attendees" in a group chat, then the chat gets only the note and the list arrives privately', async () => {
    const { here, privately } = await type(groupChat('19:private-lists-group@thread.v2'), ORGANISER, 'attendees');
    assert.match(said(here), /Sent to you privately/);
    assert.deepEqual(leaked(said(here)), []);
    assert.match(said(privately), /Marigold Pennywhistle/);
  });

  it('when the organiser has never opened a personal chat with the bot, then the note says how to open one and the list goes nowhere', async () => {
    connector.clear();
    const post = newPost();
    const { here } = await type(post, NO_CHAT, 'attendees');
    assert.equal(connector.sent().length, 1, 'one message, in the channel');
    assert.match(said(here), new RegExp(`Open your personal chat with me first[\\s\\S]*"${BOT.name}"[\\s\\S]*ask again`));
    assert.deepEqual(leaked(said(here)), []);
  });

  it('when Teams refuses the organiser\'s personal chat, then the note says so and the list goes nowhere', async () => {
    const blockedChat = personalChat(BLOCKED).id;
    connector.override((call) => (call.method === 'POST' && call.conversationId === blockedChat ? { status: 403, body: { error: { code: 'MessageWritesBlocked' } } } : undefined));
    try {
      connector.clear();
      const { here } = await type(newPost(), BLOCKED, 'attendees');
      assert.match(said(here), /could not reach your personal chat/);
      assert.deepEqual(leaked(said(here)), []);
      assert.deepEqual(connector.sent().map((s) => s.conversationId), [here[0]!.conversationId], 'nothing delivered anywhere else');
    } finally {
      connector.override(undefined);
    }
  });

  it('when someone who is not an organiser types "attendees" in a channel, then they are refused there and nothing is sent privately', async () => {
    const { here, privately } = await type(newPost(), ben, 'attendees');
    assert.match(said(here), /Sorry, that is not open to you/);
    assert.equal(privately.length, 0);
  });

  const buttons: [string, Record<string, unknown>, RegExp][] = [
    ['workshop.attendees', { eventId: WORKSHOP }, /Marigold Pennywhistle/],
    ['workshop.export', { eventId: WORKSHOP }, /Your export is ready/],
    ['digest.view', { groupId: TG2 }, /Survey answer from Marigold Pennywhistle/],
    ['contributions.export', { groupId: TG2 }, /Download the CSV/],
    ['group.chooseLeads', { groupId: TG2 }, /Leads of[\s\S]*Marigold Pennywhistle/],
    ['privacy.reviewPerson', { userId: ann.aadObjectId }, /Marigold Pennywhistle/],
  ];
  for (const [verb, data, expected] of buttons) {
    it(`when an organiser presses ${verb} on a card in a channel, then the answer there is the note and the card arrives privately`, async () => {
      const mine = personalChat(ORGANISER).id;
      const before = connector.sentTo(mine).length;
      const response = await bot.post(createTestInvoke(connector.serviceUrl, newPost(), ORGANISER, verb, data));
      const answer = cardText(invokeCard(response.body));
      assert.match(answer, /Sent to you privately/);
      assert.deepEqual(leaked(answer), []);
      assert.match(said(connector.sentTo(mine).slice(before)), expected);
    });
  }
});
