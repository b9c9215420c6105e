import { strict as assert } from 'node:assert';
import { createTestMessage, groupChat } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { broadcastJob, click, command, installPersonalChats, ORGANISER, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';

const TALK = 'practice-week-2024-bitesize-tue';

/**
 * Organisers and any event (not only workshops): who said Going and Maybe, by name, with
 * the same CSV export as workshops, in their personal chat; and after the event a
 * follow-up to the people who said Going.
 */
describe('who is coming to an event, and following it up', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const [ann, ben, cat] = [recipient(1), recipient(2), recipient(3)];

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await installPersonalChats(bot, connector, 1, 3);
    const answers = [[ann, 'going'], [ben, 'maybe'], [cat, 'notGoing']] as const;
    for (const [user, response] of answers) await click(bot, connector, 'event.rsvp', { eventId: TALK, response }, { user });
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it('when an organiser asks who is coming, then Going and Maybe are listed by name with the counts; someone else is refused', async () => {
    const text = cardText(await command(bot, connector, `who is coming ${TALK}`));
    assert.match(text, /Going\n1\nMaybe\n1\nCan't go\n1/);
    assert.match(text, /Test User 1001\nGoing, answered/);
    assert.match(text, /Test User 1002\nMaybe, answered/);
    assert.doesNotMatch(text, /Test User 1003/);
    assert.match(cardText(await click(bot, connector, 'event.answers', { eventId: TALK }, { user: ann })), /Only NLC organisers can see who is coming/);
  });

  it('when "who is coming" is typed alone, then the organiser picks the event from a list, workshops with their bookings', async () => {
    const card = await command(bot, connector, 'who is coming');
    assert.ok(JSON.stringify(card).includes(`"verb":"event.answers","data":{"eventId":"${TALK}"}`));
    assert.ok(JSON.stringify(card).includes('"verb":"workshop.attendees","data":{"eventId":"ap-framework-workshop-2024"}'));
  });

  it('when the organiser exports, then the link downloads every answer with names as CSV', async () => {
    const card = await click(bot, connector, 'event.answersExport', { eventId: TALK });
    const url = /"url":"(http[^"]+\/downloads\/attendees\/[^"]+)"/.exec(JSON.stringify(card))?.[1];
    assert.ok(url, 'a download link');
    const response = await fetch(url);
    assert.equal(response.status, 200);
    const csv = await response.text();
    assert.match(csv, /"Going","Test User 1001"/);
    assert.match(csv, /"Maybe","Test User 1002"/);
    assert.match(csv, /"Can't go","Test User 1003"/);
  });

  it('when asked in a group chat, then the names go to the organiser\'s personal chat and the group gets a note', async () => {
    const group = groupChat('19:heads@thread.v2');
    await bot.post(createTestMessage(connector.serviceUrl, group, ORGANISER, `who is coming ${TALK}`));
    const inGroup = connector.sentTo(group.id).flatMap(cardsIn).map(cardText).join('\n');
    assert.match(inGroup, /personal chat/);
    assert.doesNotMatch(inGroup, /Test User 100[12]/);
  });

  it('when the event has taken place, then a follow-up reaches the people who said Going, once however often it is sent', async () => {
    assert.match(cardText(await click(bot, connector, 'event.followUp', { eventId: TALK })), /A follow-up goes after/);
    bot.clock.set('2024-05-21T13:00:00Z');
    const form = await click(bot, connector, 'event.followUp', { eventId: TALK });
    assert.match(cardText(form), /Resources and recordings are now published/);
    const send = { eventId: TALK, title: 'Learning beyond the classroom: resources', text: 'Resources and recordings are now published.', link: 'https://www.norfolklscp.org.uk/practice-week' };
    const status = await click(bot, connector, 'event.followUpSend', send, { replyToId: 'follow-up-form-1' });
    assert.match(cardText(status), /Learning beyond the classroom: resources/);
    await click(bot, connector, 'event.followUpSend', send, { replyToId: 'follow-up-form-1' });
    await broadcastJob(bot).run();
    const received = (user: typeof ann) => connector.sentTo(`a:personal-${user.id}`).flatMap(cardsIn).map(cardText).filter((t) => t.includes('Resources and recordings are now published'));
    assert.equal(received(ann).length, 1);
    assert.match(received(ann)[0]!, /https:\/\/www\.norfolklscp\.org\.uk\/practice-week/);
    assert.deepEqual([received(ben).length, received(cat).length], [0, 0]);
    assert.equal(await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast'"), 1);
  });
});
