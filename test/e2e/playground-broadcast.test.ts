import { strict as assert } from 'node:assert';
import { type TestBot } from '../helpers/bot';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { cardText } from '../helpers/connector';
import { adaptiveCardOf, type Playground } from '../helpers/playground';

/**
 * A broadcast from Microsoft's own client: the organiser composes, previews and sends in
 * the Agents Playground; the broadcast job posts to the team's channel through the
 * Playground's Bot Connector and edits the organiser's card into the report.
 */
describe('broadcasting with the Agents Playground as the Teams client', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  playgroundPerSuite({ env: { ORGANISER_AAD_IDS: '00000000-0000-4000-8000-0000000000a0' } }, (b, p) => {
    [bot, playground] = [b, p];
  });

  it('when the organiser sends an announcement to every channel, then it is posted in the channel and their card becomes the report', async () => {
    const chat = playground.context.personalChat.id;
    const team = playground.context.teams[0]!;
    await playground.install(team.id);
    await playground.install(chat);
    const since = playground.messages().length;
    await playground.sendText(chat, 'broadcast');
    const compose = await playground.waitForMessage((m) => m.conversationId === chat && cardText(adaptiveCardOf(m)).includes('Send a broadcast'), { since });

    const form = { content: 'announcement', title: 'Wraparound funding: expressions of interest', text: 'Closes on Friday 24 May 2024.', audience: 'channels' };
    const preview = await playground.invoke({ conversationId: chat, replyToId: compose.messageId, verb: 'broadcast.preview', data: form });
    const previewCard = (preview.body as { value?: Record<string, unknown> }).value;
    assert.match(cardText(previewCard), /Recipients\n1 conversation/);
    const send = (previewCard?.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'broadcast.send')!;
    const queued = await playground.invoke({ conversationId: chat, replyToId: compose.messageId, verb: 'broadcast.send', data: send.data });
    assert.match(cardText((queued.body as { value?: unknown }).value), /Queued/);

    const before = playground.messages().length;
    await bot.jobs.find((j) => j.name === 'broadcasts')!.run();
    const posted = await playground.waitForMessage((m) => m.action === 'createMessage' && cardText(adaptiveCardOf(m)).includes('Wraparound funding'), { since: before });
    assert.equal(posted.conversationId, team.id, 'in the General channel');
    assert.ok(posted.postConversationId, 'as a new post, not a reply in a thread');
    const report = await playground.waitForMessage((m) => m.action === 'updateMessage' && m.messageId === compose.messageId, { since: before });
    assert.match(cardText(adaptiveCardOf(report)), /Done: delivered to 1 of 1/);
  });
});
