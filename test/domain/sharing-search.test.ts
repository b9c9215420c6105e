import { strict as assert } from 'node:assert';
import { MAX_QUERY_LENGTH, MAX_RESULTS, PAGE_SIZE, pageOf, readSearchInput } from '../../bot/domain/sharing/query';
import { rankEntries, upcomingEntries } from '../../bot/domain/sharing/rank';
import { type IndexEntry, isVisible, PUBLIC_VIEWER, type Viewer } from '../../bot/domain/sharing/sharing';

const NOW = new Date('2024-04-23T08:00:00Z');
const ORGANISER_ANYWHERE: Viewer = { organiser: true, ownChat: false };
const ORGANISER_OWN_CHAT: Viewer = { organiser: true, ownChat: true };
const PERSON_OWN_CHAT: Viewer = { organiser: false, ownChat: true };

let made = 0;
function entry(fields: Partial<IndexEntry> & Pick<IndexEntry, 'title'>): IndexEntry {
  made++;
  return { kind: 'event', id: `entry-${made}`, startsAt: '2024-05-07T08:00:00Z', endsAt: '2024-05-07T11:00:00Z', publication: 'published', ...fields };
}

const words = (text: string): string[] => {
  const input = readSearchInput(text);
  assert.equal(input.kind, 'words', text);
  return input.kind === 'words' ? input.words : [];
};
const titles = (found: readonly IndexEntry[]): string[] => found.map((e) => e.title);
const search = (entries: readonly IndexEntry[], text: string, viewer: Viewer = PUBLIC_VIEWER): string[] => titles(rankEntries(entries, words(text), viewer, NOW));

describe('programme search: ranking', () => {
  it('when a word is in one title and in another entry only as its series or venue, then the title match comes first', () => {
    const entries = [
      entry({ title: 'Visit to the Nest', venue: 'Wymondham College' }),
      entry({ title: 'Inclusion network', series: 'Nest programme' }),
      entry({ title: 'Autumn conference', venue: 'The Nest' }),
      entry({ title: 'The Nest open morning', startsAt: '2024-09-01T08:00:00Z', endsAt: '2024-09-01T10:00:00Z' }),
    ];
    // Both title matches first (the same score, so the sooner first), then the series match, then the venue.
    assert.deepEqual(search(entries, 'nest'), ['Visit to the Nest', 'The Nest open morning', 'Inclusion network', 'Autumn conference']);
  });

  it('when the words typed appear in order at the start of a title, then that entry beats one with the same words apart', () => {
    const entries = [entry({ title: 'Framework for AP: a workshop' }), entry({ title: 'AP framework workshop', startsAt: '2024-06-01T08:00:00Z', endsAt: '2024-06-01T10:00:00Z' })];
    assert.deepEqual(search(entries, 'AP framework'), ['AP framework workshop', 'Framework for AP: a workshop']);
  });

  it('when words are half typed, then they match the words they start, and every word must match', () => {
    const entries = [entry({ title: 'Practice Week bitesize', series: 'Norfolk Practice Week 2024' }), entry({ title: 'Practical phonics' }), entry({ title: 'Week of learning' })];
    assert.deepEqual(search(entries, 'pract'), ['Practical phonics', 'Practice Week bitesize']);
    assert.deepEqual(search(entries, 'pract wee'), ['Practice Week bitesize']);
    assert.deepEqual(search(entries, 'practice zebra'), []);
  });

  it('when a number is typed, then it matches that number whole: Task Group 5 is not Task Group 50', () => {
    const entries = [
      entry({ kind: 'call', title: 'Case studies', series: 'Task Group 50: Elsewhere', groupId: 'tg50' }),
      entry({ kind: 'call', title: 'Host a visit', series: 'Task Group 5: Norfolk Collaborative Standard', groupId: 'tg5' }),
    ];
    assert.deepEqual(search(entries, 'Task Group 5'), ['Host a visit']);
  });

  it('when entries score the same, then upcoming ones come soonest first, and past ones (organisers only) after them, most recent first', () => {
    const at = (day: string) => ({ startsAt: `2024-${day}T08:00:00Z`, endsAt: `2024-${day}T10:00:00Z` });
    const entries = [
      entry({ title: 'Network meeting (June)', ...at('06-12') }),
      entry({ title: 'Network meeting (January)', ...at('01-10') }),
      entry({ title: 'Network meeting (May)', ...at('05-08') }),
      entry({ title: 'Network meeting (March)', ...at('03-13') }),
    ];
    assert.deepEqual(search(entries, 'network meeting', ORGANISER_ANYWHERE), [
      'Network meeting (May)',
      'Network meeting (June)',
      'Network meeting (March)',
      'Network meeting (January)',
    ]);
    assert.deepEqual(search(entries, 'network meeting'), ['Network meeting (May)', 'Network meeting (June)'], 'past ones are for organisers');
  });

  it('when the words carry accents, capitals or punctuation, then they match the plain words of a title', () => {
    const entries = [entry({ title: 'Résilience & wellbeing: a café conversation', flourish: 'Resilience' })];
    assert.deepEqual(search(entries, 'RESILIENCE!!'), ['Résilience & wellbeing: a café conversation']);
    assert.deepEqual(search(entries, 'cafe—conversation'), ['Résilience & wellbeing: a café conversation']);
  });

  it('when many entries match, then at most MAX_RESULTS come back', () => {
    const entries = Array.from({ length: MAX_RESULTS + 20 }, (_, i) => entry({ title: `Practice Week session ${i}` }));
    assert.equal(rankEntries(entries, words('practice'), PUBLIC_VIEWER, NOW).length, MAX_RESULTS);
  });
});

describe('programme search: who sees what', () => {
  const published = entry({ title: 'Published workshop', kind: 'workshop' });
  const draft = entry({ title: 'Draft workshop', kind: 'workshop', publication: 'draft' });
  const cancelled = entry({ title: 'Cancelled workshop', kind: 'workshop', publication: 'cancelled' });
  const past = entry({ title: 'Past workshop', kind: 'workshop', startsAt: '2024-03-01T09:00:00Z', endsAt: '2024-03-01T12:00:00Z' });
  const all = [published, draft, cancelled, past];

  it('when anyone searches, then only published upcoming entries appear: no draft, no cancelled, no past', () => {
    assert.deepEqual(search(all, 'workshop'), ['Published workshop']);
    assert.deepEqual(search(all, 'workshop', PERSON_OWN_CHAT), ['Published workshop'], 'their own chat changes nothing for them');
  });

  it('when an organiser searches, then past ones appear too, and drafts only in their own chat with the bot; a cancelled one never', () => {
    assert.deepEqual(search(all, 'workshop', ORGANISER_ANYWHERE), ['Published workshop', 'Past workshop']);
    assert.deepEqual(search(all, 'workshop', ORGANISER_OWN_CHAT), ['Draft workshop', 'Published workshop', 'Past workshop']);
  });

  it('when a link is opened, then a past one still shows to anyone, and drafts and cancelled ones to nobody but an organiser in their own chat (a draft)', () => {
    assert.equal(isVisible(past, PUBLIC_VIEWER, NOW, 'link'), true);
    assert.equal(isVisible(draft, PUBLIC_VIEWER, NOW, 'link'), false);
    assert.equal(isVisible(draft, ORGANISER_ANYWHERE, NOW, 'link'), false);
    assert.equal(isVisible(draft, ORGANISER_OWN_CHAT, NOW, 'link'), true);
    assert.equal(isVisible(cancelled, ORGANISER_OWN_CHAT, NOW, 'link'), false);
  });

  it('when nothing is typed, then what is on in the next seven days comes, soonest first, under way included', () => {
    const on = (start: string, end: string, title: string, more: Partial<IndexEntry> = {}) => entry({ title, startsAt: start, endsAt: end, ...more });
    const entries = [
      on('2024-04-29T08:00:00Z', '2024-04-29T09:00:00Z', 'Monday session'),
      on('2024-04-23T07:00:00Z', '2024-04-23T09:00:00Z', 'Under way now'),
      on('2024-04-26T22:59:00Z', '2024-04-26T22:59:00Z', 'Survey closes Friday', { kind: 'deadline' }),
      on('2024-05-01T08:00:00Z', '2024-05-01T09:00:00Z', 'Next Wednesday'),
      on('2024-04-24T08:00:00Z', '2024-04-24T09:00:00Z', 'Cancelled tomorrow', { publication: 'cancelled' }),
      on('2024-04-20T08:00:00Z', '2024-04-20T09:00:00Z', 'Last Saturday'),
    ];
    assert.deepEqual(titles(upcomingEntries(entries, ORGANISER_ANYWHERE, NOW)), ['Under way now', 'Survey closes Friday', 'Monday session']);
  });

  it('when nothing is on in the next seven days, then the next things coming are shown instead', () => {
    const entries = [entry({ title: 'In June', startsAt: '2024-06-12T15:00:00Z', endsAt: '2024-06-12T16:30:00Z' }), entry({ title: 'In May' })];
    assert.deepEqual(titles(upcomingEntries(entries, PUBLIC_VIEWER, NOW)), ['In May', 'In June']);
  });
});

describe('programme search: what is typed', () => {
  it('when the text is longer than the limit, then it is refused with a short reason, not searched', () => {
    const input = readSearchInput('practice '.repeat(40));
    assert.equal(input.kind, 'refused');
    assert.match(input.kind === 'refused' ? input.message : '', new RegExp(`too long.*${MAX_QUERY_LENGTH}`));
    assert.equal(readSearchInput('a'.repeat(MAX_QUERY_LENGTH)).kind, 'words');
  });

  it('when the text has nothing to match (only symbols), then it is refused with a short reason', () => {
    for (const odd of ['%%%', '<>', '\u0000\u202e', '…—…']) {
      const input = readSearchInput(odd);
      assert.equal(input.kind, 'refused', JSON.stringify(odd));
      assert.match(input.kind === 'refused' ? input.message : '', /words from a title/);
    }
  });

  it('when words come with markup or query syntax, then only the words are searched for', () => {
    assert.deepEqual(words("'; DROP TABLE c; --"), ['drop', 'table', 'c']);
    assert.deepEqual(words('<script>alert(1)</script>'), ['script', 'alert', '1']);
  });

  it('when the text is missing, blank or not text at all, then it means nothing typed', () => {
    for (const value of [undefined, '', '   ', 42, { query: 'x' }, ['practice']]) assert.deepEqual(readSearchInput(value), { kind: 'upcoming' }, JSON.stringify(value));
  });

  it('when many words are typed, then repeats are dropped and only the first eight count', () => {
    assert.deepEqual(words('week week week a b c d e f g h i'), ['week', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('when Teams asks for a page, then skip and count are whole numbers within the limits whatever arrives', () => {
    assert.deepEqual(pageOf(0, 25), { skip: 0, count: PAGE_SIZE });
    assert.deepEqual(pageOf(-5, 3), { skip: 0, count: 3 });
    assert.deepEqual(pageOf(10_000, 0), { skip: MAX_RESULTS, count: 1 });
    assert.deepEqual(pageOf('10', 2.5), { skip: 0, count: PAGE_SIZE });
    assert.deepEqual(pageOf(undefined, null), { skip: 0, count: PAGE_SIZE });
  });
});
