import { strict as assert } from 'node:assert';
import { actionsOf } from '../helpers/workshops';
import { createTestInvoke, personalChat } from '../helpers/activities';
import { createWithForm, editAndSave, inputValues, problemBeside } from '../helpers/authoring';
import { botPerTest, invokeCard, type TestBot } from '../helpers/bot';
import { actionData, broadcastJob, click, command, installPersonalChats, organiserEnv, recipient, sendBroadcast } from '../helpers/broadcasts';
import { reminderJob } from '../helpers/reminders';
import { formOf } from '../helpers/workshops';
import { cardsIn, cardText, type StandInConnector } from '../helpers/connector';
import { totalDocs } from '../helpers/store';

const SAFEGUARDING = 'dfe-safeguarding-call-for-evidence-2024';
const AP_WORKSHOP = 'ap-framework-workshop-2024';

/** Organisers authoring the programme in Teams: one form for events, workshops, deadlines and calls. */
describe('authoring the programme in Teams', () => {
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: organiserEnv() }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const goodEvent = {
    title: 'NLC governors briefing',
    date: '2024-06-12',
    start: '18:00',
    end: '19:00',
    where: 'online',
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/nlc-governors',
    audience: 'Governors and trustees',
  };

  it('when a new event has an end before its start, a past date and a join link that is not https, then the form comes back with the values kept and each problem beside its field, and nothing is saved', async () => {
    const before = await totalDocs(bot.store);
    const card = await createWithForm(bot, connector, 'event', { ...goodEvent, date: '2024-04-01', end: '17:00', joinUrl: 'http://teams.example.org/meet' });
    assert.equal(inputValues(card).title, 'NLC governors briefing');
    assert.equal(inputValues(card).end, '17:00');
    assert.equal(problemBeside(card, 'end'), 'The end must be after the start.');
    assert.match(problemBeside(card, 'date') ?? '', /passed/);
    assert.equal(problemBeside(card, 'joinUrl'), 'Please give the https:// link.');
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when an online event without a link (time to be confirmed) is edited, then it saves without a link; the link and the time can be added later', async () => {
    const network = 'trauma-attachment-network-2024-06';
    const summaryOnly = await editAndSave(bot, connector, network, { summary: 'The Virtual School\'s termly network, led by Louise Bomber.' });
    assert.match(cardText(summaryOnly), /Saved/);
    const kept = await bot.store.events.getEvent(network);
    assert.deepEqual([kept?.location, kept?.timeToBeConfirmed], [{ type: 'online' }, true], 'no link asked for, still to be confirmed');
    await editAndSave(bot, connector, network, { joinUrl: 'https://teams.microsoft.com/l/meetup-join/trauma-network', start: '15:45', end: '17:15' });
    const card = invokeCard((await bot.post(createTestInvoke(connector.serviceUrl, personalChat(recipient(4)), recipient(4), 'event.view', { eventId: network }))).body);
    assert.match(cardText(card), /Wed 19 June 2024, 15:45 to 17:15[\s\S]*Online \(Microsoft Teams\)\n/);
    assert.ok(actionsOf(card).some((a) => a.title === 'Join online'));
  });

  it('when a new event is filled in well, then it is created and listed in "events"', async () => {
    const card = await createWithForm(bot, connector, 'event', goodEvent);
    assert.match(cardText(card), /Created: NLC governors briefing[\s\S]*Its id is nlc-governors-briefing-2024-06-12/);
    const event = await bot.store.events.getEvent('nlc-governors-briefing-2024-06-12');
    assert.equal(event?.startsAt, '2024-06-12T17:00:00.000Z', '18:00 London in June');
    assert.deepEqual(event?.reminderDays, [7, 1]);
    await command(bot, connector, 'events', recipient(4));
    const listed = connector.sentTo(personalChat(recipient(4)).id).flatMap(cardsIn);
    assert.ok(listed.some((c) => /NLC governors briefing/.test(cardText(c))));
  });

  it('when a workshop is given fewer places than people already booked, then the capacity is refused with the number booked', async () => {
    await installPersonalChats(bot, connector, 0, 3);
    for (let n = 0; n < 3; n++) {
      const user = recipient(n);
      await bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, 'workshop.book', { eventId: AP_WORKSHOP, ...formOf(user) }));
    }
    const card = await editAndSave(bot, connector, AP_WORKSHOP, { capacity: '2' });
    assert.match(problemBeside(card, 'capacity') ?? '', /3 people already have places, so there must be at least 3 places/);
    assert.equal(inputValues(card).capacity, '2', 'the value is kept');
    assert.notEqual((await bot.store.events.getEvent(AP_WORKSHOP))?.booking?.capacity, 2);
  });

  it('when an organiser edits a deadline whose reminder was posted, then the posted copy is updated in place, and withdrawing it takes the buttons away', async () => {
    const [chat] = await installPersonalChats(bot, connector, 0, 1);
    const person = recipient(0);
    await bot.post(createTestInvoke(connector.serviceUrl, personalChat(person), person, 'deadline.remind', { deadlineId: SAFEGUARDING, remind: true }));
    bot.clock.set('2024-06-13T08:00:00Z');
    await reminderJob(bot).run();
    await broadcastJob(bot).run();
    const [posted] = connector.sentTo(chat!);
    assert.match(posted!.activity.text ?? '', /closes in 7 days/);
    connector.clear();

    const edited = await editAndSave(bot, connector, SAFEGUARDING, { closes: '2024-06-27' });
    assert.match(cardText(edited), /Saved: Safeguarding Children[\s\S]*1 posted copy will be updated/);
    assert.equal((await bot.store.deadlines.getDeadline(SAFEGUARDING))?.closesAt, '2024-06-27T22:59:59.999Z');
    await broadcastJob(bot).run();
    const update = connector.calls.find((c) => c.method === 'PUT' && c.conversationId === chat && c.activityId === posted!.id);
    assert.match(cardText((update?.body as { attachments: { content: unknown }[] }).attachments[0]!.content), /Closes in 14 days: Thu 27 June 2024/);

    const confirm = await command(bot, connector, `cancel ${SAFEGUARDING}`);
    assert.match(cardText(confirm), /Withdraw "Safeguarding Children/);
    const done = await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    assert.match(cardText(done), /Withdrawn: Safeguarding Children/);
    const view = invokeCard((await bot.post(createTestInvoke(connector.serviceUrl, personalChat(person), person, 'deadline.remind', { deadlineId: SAFEGUARDING, remind: false }))).body);
    assert.match(cardText(view), /has been withdrawn[\s\S]*Withdrawn/);
    assert.doesNotMatch(JSON.stringify(view), /"verb":"deadline.remind"/);
  });

  it('when an organiser broadcasts a deadline and then edits and withdraws it, then every posted copy follows', async () => {
    const chats = await installPersonalChats(bot, connector, 0, 3);
    assert.match(JSON.stringify(await command(bot, connector, 'broadcast')), /A consultation deadline/);
    const compose = await click(bot, connector, 'broadcast.compose', { step: 'details', content: 'deadline', audience: 'personal' });
    assert.match(JSON.stringify(compose), /"id":"deadline"[\s\S]*Safeguarding Children in Schools and Colleges: call for evidence \(closes Thu 20 June 2024\)/);
    await sendBroadcast(bot, connector, { content: 'deadline', deadline: SAFEGUARDING, audience: 'personal' });
    await broadcastJob(bot).run();
    const posted = new Map(chats.map((chat) => [chat, connector.sentTo(chat)[0]!]));
    for (const copy of posted.values()) assert.match(cardText(cardsIn(copy)[0]), /Closes in \d+ days: Thu 20 June 2024[\s\S]*Remind me/);
    connector.clear();

    const edited = await editAndSave(bot, connector, SAFEGUARDING, { closes: '2024-06-27' });
    assert.match(cardText(edited), /3 posted copies will be updated/);
    await broadcastJob(bot).run();
    const updatesOf = () => connector.calls.filter((c) => c.method === 'PUT' && posted.get(c.conversationId ?? '')?.id === c.activityId);
    const cardOf = (call: { body: unknown }) => cardText((call.body as { attachments: { content: unknown }[] }).attachments[0]!.content);
    assert.equal(updatesOf().length, 3);
    for (const update of updatesOf()) assert.match(cardOf(update), /Thu 27 June 2024/);
    connector.clear();

    const confirm = await command(bot, connector, `cancel ${SAFEGUARDING}`);
    await click(bot, connector, 'author.cancel', actionData(confirm, 'author.cancel'));
    await broadcastJob(bot).run();
    assert.equal(updatesOf().length, 3);
    for (const update of updatesOf()) {
      assert.match(cardOf(update), /Withdrawn/);
      assert.doesNotMatch(JSON.stringify(update.body), /"verb":"deadline.remind"/);
    }
  });

  it('when a new deadline is created, then it is listed in "deadlines" with how long is left', async () => {
    const card = await createWithForm(bot, connector, 'deadline', {
      title: 'SEND sufficiency survey',
      respondents: 'SENCOs in Norfolk schools',
      link: 'https://example.org/send-survey',
      closes: '2024-05-03',
    });
    assert.match(cardText(card), /Created: SEND sufficiency survey[\s\S]*send-sufficiency-survey-2024-05-03/);
    const list = await command(bot, connector, 'deadlines', recipient(5));
    assert.match(cardText(list), /SEND sufficiency survey|Attendance framework survey/);
    const deadline = await bot.store.deadlines.getDeadline('send-sufficiency-survey-2024-05-03');
    assert.deepEqual(deadline?.reminderDays, [7, 3, 1]);
  });

  it('when someone who is not an organiser asks for a form, then they are refused', async () => {
    for (const text of ['new event', 'new deadline', `edit ${AP_WORKSHOP}`, `cancel ${SAFEGUARDING}`, 'import programme']) {
      const card = await command(bot, connector, text, recipient(9));
      assert.match(cardText(card), /Only NLC organisers/, text);
    }
  });
});
