import { strict as assert } from 'node:assert';
import { createTestInvoke, createTestMessage, personalChat, testUser, type TestUser } from '../helpers/activities';
import { invokeCard, startTestBot, type TestBot } from '../helpers/bot';
import { cardsIn, cardText, startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs, totalDocs } from '../helpers/store';

/** The real bot over HTTP with its embedded Cosmos and demo task groups; only the Bot Connector is stood in for. */
describe('task groups and contributions end to end over HTTP', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const member = testUser(11);
  const organiser = testUser(12);
  const stranger = testUser(13);
  const TG1 = 'tg1-workforce';
  const CALL = 'tg1-ta-apprenticeship-stories';

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot({ env: { ORGANISER_AAD_IDS: organiser.aadObjectId ?? '' } });
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => connector.clear());

  const click = async (user: TestUser, verb: string, data: unknown) => {
    const response = await bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, verb, data));
    assert.equal(response.status, 200);
    return invokeCard(response.body);
  };
  const say = async (user: TestUser, text: string) => {
    await bot.post(createTestMessage(connector.serviceUrl, personalChat(user), user, text));
    return connector.sentTo(personalChat(user).id).at(-1)!;
  };
  const caseStudy = {
    title: 'Growing our own TAs',
    setting: 'Example Primary',
    phase: 'Primary',
    summary: 'Two apprentice TAs from our parent community, mentored by an experienced TA, both stayed on.',
    link: '',
  };
  const contributions = () => countDocs(bot.store.cosmos.containers.taskGroups, "c.type = 'contribution'");

  let contributionId = '';

  it('when "task groups" is typed, then each group comes as a card with its purpose, projects, lead and members, and Join', async () => {
    const sent = await say(member, 'task groups');
    const cards = cardsIn(sent);
    assert.equal(cards.length, 4);
    const tg1 = cardText(cards[0]);
    assert.match(tg1, /Task Group 1[\s\S]*Capacity and Expertise of the Education Workforce/);
    assert.match(tg1, /apprenticeship route/);
    assert.match(tg1, /Led by[\s\S]*NLC organisers[\s\S]*0 members/);
    assert.ok(JSON.stringify(cards[0]).includes('"verb":"group.join"'));
  });

  it('when Join is clicked twice, then the person is one member and the card says so', async () => {
    await click(member, 'group.join', { groupId: TG1 });
    const card = await click(member, 'group.join', { groupId: TG1 });
    assert.match(cardText(card), /You're a member[\s\S]*/);
    assert.match(cardText(card), /1 member\b/);
    assert.ok(JSON.stringify(card).includes('"verb":"group.leave"'));
    assert.equal(await countDocs(bot.store.cosmos.containers.taskGroups, "c.type = 'member'"), 1);
  });

  it('when a call is opened, then its form asks for a case study and reminds people not to identify children', async () => {
    const card = await click(member, 'call.open', { groupId: TG1, callId: CALL });
    const text = cardText(card);
    assert.match(text, /TA apprenticeship case studies[\s\S]*Closes[\s\S]*Fri 28 June 2024/);
    assert.match(text, /do not include anything that could identify a child/);
    for (const label of ['Title', 'School or setting', 'Phase', 'Summary']) assert.ok(text.includes(label), label);
  });

  it('when the case study is sent with problems, then the form comes back with the values kept and nothing is written', async () => {
    const before = await totalDocs(bot.store);
    const card = await click(member, 'contribution.submit', { groupId: TG1, callId: CALL, ...caseStudy, summary: 'Too short', phase: 'Nursery' });
    const json = JSON.stringify(card);
    assert.match(cardText(card), /need another look/);
    assert.match(cardText(card), /at least 20 characters/);
    assert.match(cardText(card), /choose one of the options/);
    assert.ok(json.includes('"value":"Growing our own TAs"'), 'the title typed is still there');
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when a forged field rides along, then it is refused and nothing is written', async () => {
    const before = await totalDocs(bot.store);
    const card = await click(member, 'contribution.submit', { groupId: TG1, callId: CALL, ...caseStudy, authorId: stranger.aadObjectId });
    assert.match(cardText(card), /sent something it does not have/);
    assert.equal(await totalDocs(bot.store), before);
  });

  it('when the case study is sent, then the contributor sees what they sent with Edit and Withdraw', async () => {
    const card = await click(member, 'contribution.submit', { groupId: TG1, callId: CALL, ...caseStudy });
    assert.match(cardText(card), /Thank you: your case study has been sent[\s\S]*Growing our own TAs[\s\S]*Example Primary/);
    const json = JSON.stringify(card);
    contributionId = /"contributionId":"([^"]+)"/.exec(json)?.[1] ?? '';
    assert.ok(contributionId);
    assert.ok(json.includes('contribution.edit') && json.includes('contribution.withdraw'));
    assert.equal(await contributions(), 1);
  });

  it('when it is edited, then the same record changes', async () => {
    const form = await click(member, 'contribution.edit', { groupId: TG1, contributionId });
    assert.ok(JSON.stringify(form).includes('"value":"Growing our own TAs"'), 'the form opens with the saved values');
    const card = await click(member, 'contribution.update', { groupId: TG1, contributionId, ...caseStudy, title: 'Growing our own teaching assistants' });
    assert.match(cardText(card), /Growing our own teaching assistants/);
    assert.equal(await contributions(), 1);
  });

  it('when someone else tries to edit or withdraw it, then they are refused and it is unchanged', async () => {
    const edit = await click(stranger, 'contribution.update', { groupId: TG1, contributionId, ...caseStudy, title: 'Hijacked' });
    assert.match(cardText(edit), /only change or withdraw your own/);
    const withdraw = await click(stranger, 'contribution.withdraw', { groupId: TG1, contributionId });
    assert.match(cardText(withdraw), /only change or withdraw your own/);
    const mine = cardText(cardsIn(await say(member, 'my contributions'))[0]);
    assert.match(mine, /Growing our own teaching assistants/);
  });

  it('when a member who is not a lead asks for the digest, then they are politely refused', async () => {
    const card = await click(member, 'digest.view', { groupId: TG1 });
    assert.match(cardText(card), /Only the leads of Capacity and Expertise/);
  });

  it("when the lead opens the digest, then it shows the contribution in the counts and the latest, from the author", async () => {
    const card = await click(organiser, 'digest.view', { groupId: TG1 });
    const text = cardText(card);
    assert.match(text, /Case study[\s\S]*1[\s\S]*Total[\s\S]*1/);
    assert.match(text, /Growing our own teaching assistants[\s\S]*from Test User 11/);
    assert.match(text, /Every member has contributed/);
  });

  it('when the lead presses Open on a contribution, then its card has every answer in full and who sent it; a member who is not a lead is refused', async () => {
    const digest = await click(organiser, 'digest.view', { groupId: TG1 });
    assert.ok(JSON.stringify(digest).includes(`"verb":"contribution.read","data":{"groupId":"${TG1}","contributionId":"${contributionId}"}`));
    const text = cardText(await click(organiser, 'contribution.read', { groupId: TG1, contributionId }));
    assert.match(text, /From\nTest User 11\n/);
    assert.match(text, new RegExp(`Summary \\(up to 2,000 characters\\)\\n${caseStudy.summary}`));
    assert.match(text, /School or setting\nExample Primary/);
    assert.match(cardText(await click(member, 'contribution.read', { groupId: TG1, contributionId })), /Only the leads of Capacity and Expertise/);
  });

  it('when the lead marks it used, then the digest and the contributor both see it', async () => {
    const card = await click(organiser, 'contribution.markUsed', { groupId: TG1, contributionId, used: true });
    assert.match(cardText(card), /· used/);
    assert.match(cardText(cardsIn(await say(member, 'my contributions'))[0]), /used by the group/);
  });

  const exportedCsv = async (): Promise<string> => {
    const card = await click(organiser, 'contributions.export', { groupId: TG1 });
    const url = /"url":"(http[^"]+\/downloads\/contributions\/[^"]+)"/.exec(JSON.stringify(card))?.[1];
    assert.ok(url, 'the digest offers a download link');
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    return response.text();
  };

  it('when the lead exports, then the CSV link gives every contribution of the group; a member may not export', async () => {
    assert.match(await exportedCsv(), /Growing our own teaching assistants/);
    assert.match(cardText(await click(member, 'contributions.export', { groupId: TG1 })), /Only the leads/);
  });

  it('when the contributor withdraws it, then its document and text are gone and the digest no longer shows it', async () => {
    const card = await click(member, 'contribution.withdraw', { groupId: TG1, contributionId });
    assert.match(cardText(card), /deleted/);
    assert.equal(await contributions(), 0);
    const digest = cardText(await click(organiser, 'digest.view', { groupId: TG1 }));
    assert.doesNotMatch(digest, /Growing our own/);
    assert.match(digest, /Nothing has come in yet/);
    assert.doesNotMatch(await exportedCsv(), /Growing our own/, 'and the export no longer has it');
  });

  it('when a call has closed, then a late submission is refused with a clear card and nothing is written', async () => {
    const now = bot.clock.now();
    bot.clock.set('2024-06-29T09:00:00Z');
    try {
      const before = await totalDocs(bot.store);
      const card = await click(member, 'contribution.submit', { groupId: TG1, callId: CALL, ...caseStudy });
      assert.match(cardText(card), /has closed/);
      assert.equal(await totalDocs(bot.store), before);
    } finally {
      bot.clock.set(now);
    }
  });
});
