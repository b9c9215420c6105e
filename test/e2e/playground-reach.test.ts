import { strict as assert } from 'node:assert';
import { startTestBot, type TestBot } from '../helpers/bot';
import { cardText } from '../helpers/connector';
import { adaptiveCardOf, type Playground, type PlaygroundUser, startPlayground, type TrafficEntry } from '../helpers/playground';
import { call, expectOk } from '../helpers/playground/http';
import { actionsOf, eventually, WORKSHOP } from '../helpers/workshops';

/** Alex, the Playground's current user, is the organiser. */
const ALEX_AAD = '00000000-0000-4000-8000-0000000000a0';
const PROMOTION = "A place has opened: you're booked";

/**
 * Reaching people who never opened a chat with the bot, in Microsoft's own client: the
 * bot is installed only in the Playground's team ("My Team": Alex and five colleagues);
 * it reads the members, and opens each person's chat itself through the Playground's
 * connector (POST /v3/conversations) when it must tell them something. Chats with anyone
 * but Alex do not show in the Playground's page, so what reached them is read from its
 * traffic log, as the requests the bot made.
 */
describe('reaching team members with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  beforeEach(async () => {
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: ALEX_AAD } });
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port: 0 });
    await playground.install(team().id);
    await eventually(async () => assert.ok(await bot.store.rosters.getRoster(team().id)));
    await bot.jobs.find((j) => j.name === 'rosters')!.run();
  });
  afterEach(async () => {
    await playground?.stop();
    await bot?.close();
  });

  const team = () => playground.context.teams[0]!;
  const user = (name: string): PlaygroundUser => playground.context.users.find((u) => u.name.startsWith(name))!;
  const job = (name: string) => bot.jobs.find((j) => j.name === name)!;
  const opened = (since = 0) => playground.traffic().slice(since).filter((t) => t.activityName === 'createConversation' && t.response?.statusCode === 201);
  /** Messages the bot sent into a person's chat, by the chat the bot stored for them. */
  const sentTo = async (person: PlaygroundUser): Promise<TrafficEntry[]> => {
    const chat = await bot.store.conversations.findPersonal(person.aadObjectId);
    return playground.traffic().filter((t) => t.activityName === 'message' && t.from === 'User Application' && chat && t.conversationId === chat.conversationId);
  };
  const textOf = (t: TrafficEntry): string => {
    const body = t.request?.body as { text?: string; attachments?: { content: unknown }[] } | undefined;
    return `${body?.text ?? ''}\n${cardText(body?.attachments?.[0]?.content)}`;
  };

  /** Alex types "@NLC Bot events" in the General channel; the programme's carousel in the new post. */
  async function programmeInChannel(): Promise<{ post: string; messageId: string }> {
    const since = playground.messages().length;
    const { postConversationId } = await playground.sendText(team().id, 'events');
    const carousel = await playground.waitForMessage((m) => m.conversationId === postConversationId && m.attachments.length > 0, { since });
    return { post: postConversationId!, messageId: carousel.messageId };
  }

  /** Alex sends a broadcast to everyone in My Team from his personal chat; the preview card's text. */
  async function broadcastToTeam(title: string): Promise<{ preview: string; statusId: string }> {
    const chat = playground.context.personalChat.id;
    const since = playground.messages().length;
    await playground.sendText(chat, 'broadcast');
    const compose = await playground.waitForMessage((m) => m.conversationId === chat && cardText(adaptiveCardOf(m)).includes('Send a broadcast'), { since });
    const form = { content: 'announcement', title, text: 'Thursday at 16:00, in the Nest.', audience: 'team', team: team().id };
    const preview = (await playground.invoke({ conversationId: chat, replyToId: compose.messageId, verb: 'broadcast.preview', data: form })).body as { value?: Record<string, unknown> };
    const send = (preview.value?.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'broadcast.send')!;
    await playground.invoke({ conversationId: chat, replyToId: compose.messageId, verb: 'broadcast.send', data: send.data });
    return { preview: cardText(preview.value), statusId: compose.messageId };
  }

  it('(a) when a member books the full AP framework workshop from the channel card and a booked person cancels, then the member is told "A place has opened" in a personal chat the bot opened', async () => {
    await playground.install(playground.context.personalChat.id);
    await playground.sendText(playground.context.personalChat.id, `capacity 1 ${WORKSHOP}`);
    await eventually(async () => assert.equal((await bot.store.workshops.getLedger(WORKSHOP))?.capacity, 1));
    const [megan, patti] = [user('Megan'), user('Patti')];
    const card = await programmeInChannel();
    const book = (who: PlaygroundUser) =>
      playground.invoke({ conversationId: card.post, replyToId: card.messageId, from: who.id, verb: 'workshop.book', data: { eventId: WORKSHOP, role: 'headteacher', school: `${who.surname} School`, needs: '' } });
    const booked = (await book(megan)).body as { value?: Record<string, unknown> };
    assert.match(cardText(booked.value), /Booked: your place is confirmed/);
    assert.match(cardText(((await book(patti)).body as { value?: unknown }).value), /waiting list/i);
    assert.equal(opened().length, 0, 'nobody has been messaged yet');

    const cancel = actionsOf(booked.value).find((a) => a.verb === 'workshop.cancel');
    const since = playground.traffic().length;
    await playground.invoke({ conversationId: card.post, replyToId: card.messageId, from: megan.id, verb: 'workshop.cancel', data: cancel!.data! });

    const told = await eventually(async () => {
      const [message] = (await sentTo(patti)).filter((t) => textOf(t).includes(PROMOTION));
      assert.ok(message, 'the promotion was sent to Patti');
      return message;
    });
    const [open] = opened(since);
    assert.deepEqual((open?.request?.body as { members?: { id: string }[] }).members, [{ id: patti.id }], 'the chat was opened with Patti');
    assert.equal(told.conversationId, (open?.response?.body as { id?: string }).id, 'in the chat the bot opened');
    await eventually(async () => {
      const entry = (await bot.store.workshops.getLedger(WORKSHOP))?.entries.find((e) => e.userId === patti.aadObjectId);
      assert.equal(entry?.notice?.status, 'sent');
    });
    const before = playground.messages().length;
    await playground.sendText(playground.context.personalChat.id, 'attendees');
    const attendees = await playground.waitForMessage((m) => m.conversationId === playground.context.personalChat.id && cardText(adaptiveCardOf(m)).includes('Attendees:'), { since: before });
    assert.match(cardText(adaptiveCardOf(attendees)), /Patti Fernandez[\s\S]*moved up from the waiting list, told in Teams/);
    assert.doesNotMatch(cardText(adaptiveCardOf(attendees)), /not told/);
  });

  it('(b) when the organiser broadcasts to everyone in My Team, then every member gets it in a personal chat, opened by the bot for those who had none', async () => {
    await playground.install(playground.context.personalChat.id);
    const { preview } = await broadcastToTeam('Heads briefing moved');
    assert.match(preview, /To\neveryone in My Team/);
    assert.match(preview, /In a chat they already have\n1\nIn a chat the bot will open\n5\nCannot be reached\n0/);
    await job('broadcasts').run();
    assert.equal(opened().length, 5);
    for (const person of playground.context.users) {
      const copies = (await sentTo(person)).filter((t) => textOf(t).includes('Heads briefing moved'));
      assert.equal(copies.length, 1, `${person.name}: one copy`);
    }
    const mine = playground.messages().filter((m) => m.action === 'createMessage' && m.conversationId === playground.context.personalChat.id && cardText(adaptiveCardOf(m)).includes('Heads briefing moved'));
    assert.equal(mine.length, 1, 'Alex, in the chat he has');
  });

  it('(c) when a member removed the app, then the broadcast reports them as unreachable with the reason, and no chat is opened with them', async () => {
    await playground.install(playground.context.personalChat.id);
    const lynne = user('Lynne');
    await removesTheApp(lynne);
    const { preview, statusId } = await broadcastToTeam('Heads briefing moved');
    assert.match(preview, /Cannot be reached\n1/);
    assert.match(preview, /1 person in this audience cannot be reached: 1 removed the bot/);
    const since = playground.traffic().length;
    await job('broadcasts').run();
    assert.ok(!opened(since).some((t) => (t.request?.body as { members: { id: string }[] }).members[0]!.id === lynne.id), 'no chat opened with Lynne');
    const report = await playground.waitForMessage((m) => m.action === 'updateMessage' && m.messageId === statusId && /Done/.test(cardText(adaptiveCardOf(m))));
    assert.match(cardText(adaptiveCardOf(report)), /Could not be reached\n1[\s\S]*1 not reached: removed the bot/);
  });

  /** Lynne removes the bot from her personal chat: Teams sends installationUpdate "remove" there. */
  async function removesTheApp(person: PlaygroundUser): Promise<void> {
    const { tenantId, bot: botAccount } = playground.context;
    const created = expectOk('open a chat', await call('POST', `${playground.url}/_connector/v3/conversations`, { isGroup: false, bot: { id: botAccount.id }, members: [{ id: person.id }], tenantId }));
    const chatId = (created.body as { id: string }).id;
    await playground.sendActivity({
      type: 'installationUpdate',
      action: 'remove',
      id: `uninstall-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: playground.serviceUrl,
      from: { id: person.id, aadObjectId: person.aadObjectId },
      recipient: { id: botAccount.id, name: botAccount.name },
      conversation: { id: chatId, conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    });
    await eventually(async () => assert.equal((await bot.store.conversations.unreachableMarks([person.aadObjectId]))[0]?.reason, 'removed_app'));
  }
});
