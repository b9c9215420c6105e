import { organisersFrom } from '../../bot/domain/organisers';
import { strict as assert } from 'node:assert';
import { setMembership } from '../../bot/domain/task-groups/service';
import { channelThread, createTestInvoke, createTestMessage, personalChat } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import {
  broadcastJob,
  click,
  installPersonalChats,
  organiserEnv,
  recipient,
  sendBroadcast,
} from '../helpers/broadcasts';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';

/**
 * Broadcasts carrying the other features: a task group's call for contributions sent to
 * its members (by a lead, not only organisers), booked and waitlisted people as an
 * audience, and workshops going out as their booking card.
 */
describe('broadcasts with task groups and workshops, end to end', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const TG2 = 'tg2-transitions';
  const SURVEY = 'tg2-transition-survey';
  const lead = recipient(1);
  const members = [recipient(1), recipient(2), recipient(3)];
  const stranger = recipient(4);

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: organiserEnv() });
    await installPersonalChats(bot, connector, 1, 4);
    const deps = { taskGroups: bot.store.taskGroups, organisers: organisersFrom([]), clock: bot.clock, newId: () => 'unused-id' };
    for (const member of members) {
      await setMembership(deps, { aadObjectId: member.aadObjectId ?? '', teamsUserId: member.id, name: member.name }, TG2, true);
    }
    await click(bot, connector, 'group.setLeads', { groupId: TG2, leads: lead.aadObjectId });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  it("when a task group's lead clicks Send to members, then every member gets the call with its form, once, and can answer it there", async () => {
    const group = await click(bot, connector, 'group.view', { groupId: TG2 }, { user: lead });
    assert.ok(JSON.stringify(group).includes('"verb":"call.sendToMembers"'), 'the lead sees Send to members');
    const status = await click(bot, connector, 'call.sendToMembers', { groupId: TG2, callId: SURVEY }, { user: lead, replyToId: 'lead-card' });
    assert.match(cardText(status), /Transitions survey/);

    await broadcastJob(bot).run();
    for (const member of members) {
      const sent = connector.sentTo(personalChat(member).id);
      assert.equal(sent.length, 1, `${member.name} got one copy`);
      assert.match(cardText(cardsIn(sent[0]!)[0]), /Transitions survey: pupils, parents and staff[\s\S]*I am answering as a/);
    }
    assert.equal(connector.sentTo(personalChat(stranger).id).length, 0, 'non-members get nothing');

    const answered = await click(bot, connector, 'contribution.submit', { groupId: TG2, callId: SURVEY, respondent: 'Staff', q1: 'Visits', q2: 'Timetables', q3: '' }, { user: members[2]! });
    assert.match(cardText(answered), /Thank you: your survey answer has been sent/);
  });

  it('when a member who is not a lead tries to send a call, then it is refused and nothing is queued', async () => {
    const before = await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast'");
    const card = await click(bot, connector, 'call.sendToMembers', { groupId: TG2, callId: SURVEY }, { user: members[1]! });
    assert.match(cardText(card), /Only the leads of Ensuring Effective Transitions/);
    assert.equal(await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast'"), before);
  });

  it('when a lead types "post call" in a channel, then the call is posted in that thread; anyone else is refused', async () => {
    const thread = channelThread('19:tg2-channel@thread.tacv2');
    await bot.post(createTestMessage(connector.serviceUrl, thread, lead, `post call ${SURVEY}`));
    const [posted] = connector.sentTo(thread.id);
    assert.match(cardText(cardsIn(posted!)[0]), /Transitions survey/);
    connector.clear();
    await bot.post(createTestMessage(connector.serviceUrl, thread, stranger, `post call ${SURVEY}`));
    assert.match(cardText(cardsIn(connector.sentTo(thread.id)[0]!)[0]), /Only the leads/);
  });

  it('when an organiser composes a call for a task group, then the preview counts its members', async () => {
    const { preview } = await sendBroadcast(bot, connector, { content: 'call', call: `tg1-workforce/tg1-ta-apprenticeship-stories`, audience: 'task-group', taskGroup: TG2 });
    assert.match(cardText(preview), /3 conversations/);
  });

  it('when an organiser sends the workshop to the people booked on it, then they get its booking card with their own place', async () => {
    const booker = members[0]!;
    const booked = await bot.post(
      createTestInvoke(connector.serviceUrl, personalChat(booker), booker, 'workshop.book', {
        eventId: 'ap-framework-workshop-2024',
        role: 'headteacher',
        school: 'Example High School',
        needs: '',
      }),
    );
    assert.match(cardText(invokeCard(booked.body)), /your place is confirmed/i);
    connector.clear();
    await sendBroadcast(bot, connector, { content: 'event', eventId: 'ap-framework-workshop-2024', audience: 'event-answers', answersEventId: 'ap-framework-workshop-2024', answers: 'booked' });
    await broadcastJob(bot).run();
    const card = connector
      .sentTo(personalChat(booker).id)
      .map((s) => cardsIn(s)[0])
      .find((c) => /AP framework workshop/.test(cardText(c)));
    assert.match(cardText(card), /AP framework workshop/);
    assert.match(cardText(card), /confirmed|Cancel my booking/i, 'the booker sees their own place');
    assert.doesNotMatch(JSON.stringify(card), /"verb":"event.rsvp"/, 'a workshop has no Going / Maybe buttons');
    const workshopCopies = (n: number) => connector.sentTo(personalChat(members[n]!).id).filter((s) => /AP framework workshop/.test(cardText(cardsIn(s)[0])));
    assert.equal(workshopCopies(1).length, 0, 'people without a place get nothing');
  });

  it('when an organiser cancels the workshop, then the people holding a place get the cancellation notice', async () => {
    connector.clear();
    const card = await click(bot, connector, 'author.cancel', { kind: 'event', id: 'ap-framework-workshop-2024' });
    assert.match(cardText(card), /cancel/i);
    await broadcastJob(bot).run();
    const notices = connector.sent().filter((s) => /Cancelled: AP framework workshop/.test(cardText(cardsIn(s)[0])));
    assert.deepEqual(notices.map((n) => n.conversationId), [personalChat(members[0]!).id]);
  });

});
