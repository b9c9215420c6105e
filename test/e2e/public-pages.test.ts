import { strict as assert } from 'node:assert';
import { eventSchema } from '../../bot/domain/events/event';
import { openInTeamsUrl } from '../../bot/pages/shared-page';
import { createTestInvoke, groupChat, personalChat, testUser } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { startConnector, type StandInConnector } from '../helpers/connector';

/** The short public addresses (/e, /d, /c) as a browser opens them, from the real bot over HTTP. */
describe('public pages of events, deadlines and calls', () => {
  let connector: StandInConnector;
  let bot: TestBot;
  const [marigold, bartholomew] = [
    { ...testUser(81), name: 'Marigold Pennywhistle' },
    { ...testUser(82), name: 'Bartholomew Quince' },
  ];
  const event = (id: string, status: 'scheduled' | 'draft' | 'cancelled', title = `Network meeting ${id}`) =>
    eventSchema.parse({ id, title, startsAt: '2024-06-12T15:00:00Z', endsAt: '2024-06-12T16:30:00Z', location: { type: 'online' }, audience: 'All', status });

  before(async () => {
    connector = await startConnector();
    bot = await startTestBot();
    await bot.store.events.saveEvent(event('draft-meeting', 'draft'));
    await bot.store.events.saveEvent(event('cancelled-meeting', 'cancelled'));
    await bot.store.events.saveEvent(event('escaped-meeting', 'scheduled', '<script>alert("x")</script> & friends'));
    const s = connector.serviceUrl;
    await bot.post(createTestInvoke(s, personalChat(marigold), marigold, 'workshop.book', { eventId: 'ap-framework-workshop-2024', role: 'senco', school: 'Quiltmakers Academy', needs: 'Step-free access please' }));
    await bot.post(createTestInvoke(s, groupChat(), bartholomew, 'event.rsvp', { eventId: 'new-horizons-2024', response: 'going' }));
    assert.equal((await bot.store.workshops.getLedger('ap-framework-workshop-2024'))?.entries.length, 1, 'the booking the page must not show');
  });
  after(async () => {
    await bot.close();
    await connector.close();
  });

  const open = async (path: string) => {
    const response = await fetch(`${bot.url}${path}`);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
    return { status: response.status, headers, body: await response.text() };
  };

  it('when a workshop\'s page is opened, then it shows the details in London time and UK English, with Open in Teams, and sends the security headers', async () => {
    const page = await open('/e/ap-framework-workshop-2024');
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="en-GB">/);
    assert.match(page.body, /<h1>AP framework workshop<\/h1>/);
    // 7 May 2024, 08:00 UTC is 09:00 in London (British Summer Time).
    assert.match(page.body, /Tue 7 May 2024, 09:00 to 12:00 <span class="note">\(UK time\)<\/span>/);
    assert.match(page.body, /book in Microsoft Teams by Mon 29 April 2024/);
    assert.match(page.body, /<a class="button" href="https:\/\/teams\.microsoft\.com\/">Open in Teams<\/a>/);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(page.headers['content-security-policy'] ?? '', /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.doesNotMatch(page.body, /<script|<img|<iframe|https?:\/\/(?!teams\.microsoft\.com)/, 'nothing loads from anywhere, no script');
  });

  it('when people have booked and answered, then the pages show none of it: no names, schools, needs or counts of people', async () => {
    for (const path of ['/e/ap-framework-workshop-2024', '/e/new-horizons-2024']) {
      const { body } = await open(path);
      for (const personal of ['Marigold', 'Pennywhistle', 'Bartholomew', 'Quince', 'Quiltmakers', 'Step-free', marigold.aadObjectId!]) {
        assert.ok(!body.includes(personal), `${path} shows ${personal}`);
      }
      assert.doesNotMatch(body, /\b\d+ (going|maybe|booked|places? left|of \d+|waiting)\b/i, `${path} shows a count`);
    }
  });

  it('when a draft, a cancelled, an unknown or a malformed id is opened, then every answer is the same "not found", byte for byte', async () => {
    const answers = await Promise.all(
      ['/e/draft-meeting', '/e/cancelled-meeting', '/e/no-such-meeting', '/e/NOT%20AN%20ID', '/d/draft-meeting', '/d/no-such-deadline', '/c/tg5-collaborative-standard/no-such-call', '/c/no-group/tg5-case-studies'].map(open),
    );
    const [first] = answers;
    assert.equal(first?.status, 404);
    assert.match(first?.body ?? '', /<h1>Not found<\/h1>/);
    for (const answer of answers) assert.deepEqual(answer, first);
  });

  it('when a deadline\'s or a call\'s page is opened, then it says when it closes and where to respond', async () => {
    const deadline = await open('/d/attendance-framework-survey-2024');
    assert.equal(deadline.status, 200);
    assert.match(deadline.body, /Consultation deadline[\s\S]*<h1>Attendance framework survey<\/h1>[\s\S]*Closes in 23 days: Thu 16 May 2024/);
    assert.match(deadline.body, /<a href="https:\/\/[^"]+" rel="noopener noreferrer">How to respond<\/a>/);
    const call = await open('/c/tg5-collaborative-standard/tg5-case-studies');
    assert.equal(call.status, 200);
    assert.match(call.body, /Call for contributions · Task Group 5: [^<]+<\/p>\n<h1>Case studies: what is working well<\/h1>[\s\S]*Closes Fri 19 July 2024/);
  });

  it('when a title holds markup, then the page shows it as text', async () => {
    const { body } = await open('/e/escaped-meeting');
    assert.match(body, /<h1>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; friends<\/h1>/);
    assert.doesNotMatch(body, /<script>/);
  });

  it('when the bot has an app id, then Open in Teams opens its chat with the command that lists the thing', () => {
    assert.equal(
      openInTeamsUrl('0d4c5a2e-7b1f-4e3a-9c8d-2f6e1a0b3c4d', 'deadlines'),
      'https://teams.microsoft.com/l/chat/0/0?users=28%3A0d4c5a2e-7b1f-4e3a-9c8d-2f6e1a0b3c4d&message=deadlines',
    );
  });
});
