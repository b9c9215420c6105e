import { strict as assert } from 'node:assert';
import { channelThread, createTestInvoke, createTestMessage, personalChat, type TestUser, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { pressed } from '../helpers/card-buttons';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { crawl, type Sighting } from '../helpers/fuzz/crawl';
import { workshopDriver } from '../helpers/workshops';

const TEAM = '19:audit-team@thread.tacv2';

/**
 * The audit behind "no personal details in a channel", done by the bot's own routes
 * rather than a list kept by hand: a member uses every feature (crawling every card),
 * then, in a team channel, the organiser and the member type every command the app
 * registered and the organiser presses every button they were shown. Nothing the member
 * gave the bot (their name, what they typed) may appear in the channel; a route added
 * later is audited without editing this test.
 */
describe('every command and button used in a channel (audit)', function () {
  this.timeout(120_000);
  let connector: StandInConnector;
  let bot: TestBot;
  const organiser = testUser(5200);
  const member: TestUser = { ...testUser(5201), name: 'Tamsin Featherstonehaugh' };
  const TYPED = 'Quillfeather private answer';
  let organiserButtons: Sighting[] = [];
  let memberEvents: string[] = [];

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId! } });
    const drive = workshopDriver(bot, connector);
    for (const person of [organiser, member]) await drive.install(person);
    const memberSaw = await crawl(bot, connector, 'member', member, { click: true, typed: TYPED });
    const seen = (key: string): string[] => [...new Set(memberSaw.map((s) => s.data[key]).filter((id): id is string => typeof id === 'string'))];
    memberEvents = seen('eventId');
    // The crawl may have left groups again: the member ends in every group, so member lists have them.
    for (const groupId of seen('groupId')) await drive.invoke(member, 'group.join', { groupId });
    organiserButtons = await crawl(bot, connector, 'organiser', organiser, { click: false });
  });
  after(async () => {
    await bot?.close();
    await connector?.close();
  });

  it('when every command and every organiser button is used in a channel, then nothing the member gave the bot appears there, and the lists reach the organiser privately', async () => {
    const secrets = [member.name!, TYPED];
    const inChannel: string[] = [];
    let post = 0;
    const newPost = () => channelThread(TEAM, `18000000${++post}`);
    const commands = [
      ...bot.routes.commands.map((c) => c.name),
      `forget person ${member.name!}`,
      ...memberEvents.map((id) => `reminders ${id}`),
    ];
    for (const text of commands) {
      for (const user of [organiser, member]) await bot.post(createTestMessage(connector.serviceUrl, newPost(), user, text));
    }
    for (const button of organiserButtons) {
      const response = await bot.post(createTestInvoke(connector.serviceUrl, newPost(), organiser, button.verb, pressed(button)));
      inChannel.push(`${button.verb}: ${cardText((response.body as { value?: unknown } | undefined)?.value)}`);
    }
    for (const sent of connector.sent().filter((s) => s.conversationId.startsWith(TEAM))) {
      inChannel.push(`${sent.activity.text ?? ''}\n${cardsIn(sent).map(cardText).join('\n')}`);
    }

    const leaks = inChannel.filter((text) => secrets.some((secret) => text.includes(secret)));
    assert.deepEqual(leaks, []);
    assert.ok(organiserButtons.length >= 10 && commands.length >= 30, `${organiserButtons.length} buttons, ${commands.length} commands`);
    const privately = connector.sentTo(personalChat(organiser).id).map((s) => cardsIn(s).map(cardText).join('\n')).join('\n');
    assert.ok(privately.includes(member.name!), 'the organiser got the lists in their personal chat');
    assert.match(inChannel.join('\n'), /Sent to you privately/);
  });
});
