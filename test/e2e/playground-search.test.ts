import { strict as assert } from 'node:assert';
import { type TestBot } from '../helpers/bot';
import { playgroundPerSuite } from '../helpers/playground/suite';
import { cardText } from '../helpers/connector';
import { type ComposeInvokeResult, type Playground } from '../helpers/playground';

const WORKSHOP = 'ap-framework-workshop-2024';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/**
 * The message extension in Microsoft's own client: the Agents Playground sends
 * composeExtension/query and composeExtension/queryLink as Teams' compose box does,
 * sends a chosen card into the chat as the user, and presses its buttons as any member.
 */
describe('with the Agents Playground: find and share from the compose box', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let playground: Playground;

  playgroundPerSuite({}, (b, p) => {
    [bot, playground] = [b, p];
  });

  const groupChat = () => playground.context.groupChats[0]!.id;
  const member = (n: number) => playground.context.users[n]!;
  const search = (text: string) =>
    playground.composeInvoke({
      conversationId: groupChat(),
      name: 'composeExtension/query',
      value: { commandId: 'findNlc', parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 25 } },
    });
  const firstCard = (result: ComposeInvokeResult) => {
    const attachment = result.body.composeExtension?.attachments?.[0];
    assert.equal(attachment?.contentType, ADAPTIVE, JSON.stringify(result.body).slice(0, 300));
    return attachment;
  };
  const book = (messageId: string, from: string, school: string) =>
    playground.invoke({ conversationId: groupChat(), replyToId: messageId, verb: 'workshop.book', data: { eventId: WORKSHOP, role: 'senco', school, needs: '' }, from });

  it('when "AP framework" is typed in the NLC search, then the AP framework workshop is the first result, with when and where in its preview', async () => {
    const result = await search('AP framework');
    assert.equal(result.status, 200);
    const attachment = firstCard(result);
    assert.deepEqual(attachment.preview?.content, { title: 'AP framework workshop', text: 'Workshop · Tue 7 May 2024, 09:00 to 12:00 · The Nest' });
    assert.match(cardText(attachment.content), /AP framework workshop[\s\S]*\d+ of 40 places left/);
  });

  it('when the result is inserted into the group chat and two members press Book, then each of them is booked, on their own card', async () => {
    const inserted = await playground.sendCard(groupChat(), firstCard(await search('AP framework')));
    const megan = member(0);
    const adele = member(1);
    const first = await book(inserted.messageId, megan.id, 'Acle Academy');
    const second = await book(inserted.messageId, adele.id, 'Aylsham High School');
    for (const [answer, school] of [
      [first, 'Acle Academy'],
      [second, 'Aylsham High School'],
    ] as const) {
      assert.equal(answer.status, 200);
      const card = (answer.body as { value?: unknown }).value;
      assert.match(cardText(card), new RegExp(`Booked: your place is confirmed[\\s\\S]*${school}`));
    }
    const ledger = await bot.store.workshops.getLedger(WORKSHOP);
    const bookedAs = (userId: string) => ledger?.entries.filter((e) => e.userId === userId && e.status === 'booked').map((e) => e.school);
    assert.deepEqual(bookedAs(megan.aadObjectId), ['Acle Academy']);
    assert.deepEqual(bookedAs(adele.aadObjectId), ['Aylsham High School']);
  });

  it('when a link to the workshop is pasted, then it unfolds into the same booking card, which works once sent', async () => {
    const result = await playground.composeInvoke({ conversationId: groupChat(), name: 'composeExtension/queryLink', value: { url: `${bot.url}/e/${WORKSHOP}` } });
    assert.equal(result.status, 200);
    const attachment = firstCard(result);
    assert.match(cardText(attachment.content), /AP framework workshop[\s\S]*Book by Mon 29 April 2024/);
    const sent = await playground.sendCard(groupChat(), { contentType: attachment.contentType, content: attachment.content });
    const isaiah = member(2);
    const answer = await book(sent.messageId, isaiah.id, 'Wymondham High Academy');
    assert.match(cardText((answer.body as { value?: unknown }).value), /Booked: your place is confirmed/);
    const ledger = await bot.store.workshops.getLedger(WORKSHOP);
    assert.ok(ledger?.entries.some((e) => e.userId === isaiah.aadObjectId && e.status === 'booked'));
  });

  it('when a link to somewhere else is pasted, then nothing unfolds', async () => {
    const result = await playground.composeInvoke({ conversationId: groupChat(), name: 'composeExtension/queryLink', value: { url: 'https://example.org/e/ap-framework-workshop-2024' } });
    assert.equal(result.status, 200);
    assert.deepEqual(result.body.composeExtension?.attachments, []);
  });
});
