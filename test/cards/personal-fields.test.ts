import { strict as assert } from 'node:assert';
import { demoEvents } from '../../bot/data/demo/programme';
import type { DownloadLinks } from '../../bot/domain/downloads';
import { workshopView } from '../../bot/domain/workshops/service';
import { asWorkshop } from '../../bot/domain/workshops/workshop';
import { cardTemplate } from '../../cards/template';
import json from '../../cards/workshop.json';
import { renderWorkshopCard, WORKSHOP_PERSONAL_FIELDS, WORKSHOP_VERBS, workshopCardData, type WorkshopCardData } from '../../cards/workshop';
import { ledgerWith } from '../../scripts/gallery/gallery-workshops';

const NOW = new Date('2024-04-23T08:00:00Z');
const workshop = asWorkshop(demoEvents().find((e) => e.kind === 'workshop'));
const links: DownloadLinks = {
  calendar: (subject, token) => `https://nlc-bot.example.org/downloads/calendar/${subject}/${token}`,
  attendees: (subject, token) => `https://nlc-bot.example.org/downloads/attendees/${subject}/${token}`,
  contributions: (subject, token) => `https://nlc-bot.example.org/downloads/contributions/${subject}/${token}`,
};
const userId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const full = ledgerWith(52);
const viewOf = (n: number) => workshopView(workshop, full, userId(n), NOW, links);

describe('personal fields on a workshop card', () => {
  it('when cards are drawn from one shared expansion per shape, then each is exactly what a plain expansion of its own data gives', () => {
    const shared = cardTemplate<WorkshopCardData>(json, WORKSHOP_VERBS, WORKSHOP_PERSONAL_FIELDS);
    const plain = cardTemplate<WorkshopCardData>(json, WORKSHOP_VERBS);
    const tricky = 'St Mary\'s "Academy" \\ Norwich\nline two \u2028 </script> \uE0000\uE001';
    const cases: WorkshopCardData[] = [
      ...[1, 3, 40, 41, 45, 52, 99].map((n) => workshopCardData(viewOf(n), { refreshUserIds: [] })),
      workshopCardData(viewOf(99), {
        refreshUserIds: [],
        banner: 'Please check the form: nothing was booked yet.',
        form: { values: { role: 'headteacher', school: tricky, needs: tricky }, problems: [{ field: 'needs', message: 'Too long' }] },
      }),
      { ...workshopCardData(viewOf(45), { refreshUserIds: [] }), detailsText: tricky, title: `An organiser's \uE0001\uE001 title` },
    ];
    for (const data of cases) assert.deepEqual(shared(data), plain(data));
  });

  it("when two people on the waiting list get their answers one after the other, then the second card holds none of the first person's details", () => {
    const first = JSON.stringify(renderWorkshopCard(viewOf(45), { refreshUserIds: [] }));
    const second = JSON.stringify(renderWorkshopCard(viewOf(46), { refreshUserIds: [] }));
    const entry = (n: number) => full.entries.find((e) => e.userId === userId(n))!;
    assert.ok(first.includes(entry(45).school) && first.includes("You're number 5 on the waiting list"));
    assert.ok(second.includes(entry(46).school) && second.includes("You're number 6 on the waiting list"));
    for (const theirs of [entry(45).school, entry(45).bookingId, "You're number 5 "]) assert.ok(!second.includes(theirs), `${theirs} is not on the second card`);
    assert.equal(JSON.stringify(renderWorkshopCard(viewOf(45), { refreshUserIds: [] })), first, 'the first card drawn again is unchanged');
  });
});
