import { strict as assert } from 'node:assert';
import { demoEvents } from '../../bot/data/demo/programme';
import { csvDocument } from '../../bot/domain/csv';
import { attendeesCsv } from '../../bot/domain/workshops/attendees';
import { asWorkshop } from '../../bot/domain/workshops/workshop';
import { calendarFile } from '../../bot/domain/workshops/calendar';
import { cancelEntry, decideBookings, type BookingRequest } from '../../bot/domain/workshops/ledger-changes';

const workshop = asWorkshop(demoEvents().find((e) => e.id === 'ap-framework-workshop-2024'));
const NOW = new Date('2024-04-23T08:00:00Z');
const request = (user: string, form: BookingRequest['form']): BookingRequest => ({
  eventId: workshop.id,
  initialCapacity: 1,
  userId: user,
  name: `Name ${user}`,
  form,
  at: NOW.toISOString(),
  bookingId: `0000000${user}-0000-4000-8000-000000000000`,
  calendarTokenHash: `hash-of-token-${user}`,
});
const ledger = decideBookings(undefined, [
  request('a', { role: 'headteacher', school: 'Acle Academy', needs: '' }),
  request('b', { role: 'senco', school: '=HYPERLINK("http://evil.example")', needs: 'Says "hello", then\nleaves' }),
]).next!;
/** Content lines, long ones unfolded (RFC 5545 folds at 75 octets with CRLF and a space or tab). */
const lines = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const field = (ics: string, name: string): string | undefined => lines(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('workshop files', () => {
  describe('calendar file', () => {
    it('when a booked person downloads it, then it holds the workshop in UTC, the place, the organiser and a per-booking UID', () => {
      const ics = calendarFile(workshop, ledger.entries[0]!, NOW);
      assert.equal(field(ics, 'UID'), `UID:${ledger.entries[0]!.bookingId}@nlc-teams-bot`);
      assert.equal(field(ics, 'DTSTART'), 'DTSTART:20240507T080000Z', '09:00 BST');
      assert.equal(field(ics, 'DTEND'), 'DTEND:20240507T110000Z');
      assert.equal(field(ics, 'LOCATION'), 'LOCATION:The Nest');
      assert.equal(field(ics, 'STATUS'), 'STATUS:CONFIRMED');
      assert.equal(field(ics, 'SEQUENCE'), 'SEQUENCE:0');
      assert.match(field(ics, 'ORGANIZER') ?? '', /CN="Norfolk County Council Children's Services":MAILTO:nlc-workshops@example.org/i);
      assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'folded at 75 octets');
    });

    it('when the workshop changes later, then the same booking gets the same UID and a higher SEQUENCE', () => {
      const entry = ledger.entries[0]!;
      const before = calendarFile(workshop, entry, NOW);
      const moved = { ...workshop, startsAt: '2024-05-07T08:30:00.000Z', sequence: workshop.sequence + 1 };
      const after = calendarFile(moved, entry, new Date('2024-04-24T08:00:00Z'));
      assert.equal(field(after, 'UID'), field(before, 'UID'));
      assert.equal(field(after, 'SEQUENCE'), 'SEQUENCE:1');
      assert.equal(field(after, 'DTSTART'), 'DTSTART:20240507T083000Z');
    });

    it('when a waiting person is promoted, then their file changes from TENTATIVE to CONFIRMED with a higher SEQUENCE', () => {
      const waiting = ledger.entries[1]!;
      assert.equal(field(calendarFile(workshop, waiting, NOW), 'STATUS'), 'STATUS:TENTATIVE');
      const promoted = cancelEntry(ledger, ledger.entries[0]!.bookingId, 'a', NOW.toISOString()).promoted[0]!;
      const ics = calendarFile(workshop, promoted, NOW);
      assert.equal(field(ics, 'STATUS'), 'STATUS:CONFIRMED');
      assert.equal(field(ics, 'SEQUENCE'), 'SEQUENCE:1');
      assert.equal(field(ics, 'UID'), `UID:${waiting.bookingId}@nlc-teams-bot`);
    });

    it('when the booking is cancelled, then the file says CANCELLED so calendars drop the entry', () => {
      const cancelled = cancelEntry(ledger, ledger.entries[0]!.bookingId, 'a', NOW.toISOString()).cancelled;
      assert.equal(field(calendarFile(workshop, cancelled, NOW), 'STATUS'), 'STATUS:CANCELLED');
    });
  });

  describe('attendee CSV', () => {
    it('when values look like formulas, then they are neutralised with an apostrophe', () => {
      const cell = (value: string): string => csvDocument(['h'], [[value]]).split('\r\n')[1]!;
      for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) assert.equal(cell(`${start}1+1`), `"'${start}1+1"`);
      assert.equal(cell('Acle Academy'), '"Acle Academy"');
      assert.equal(cell('1+1=2'), '"1+1=2"', 'only the first character counts');
    });

    it('when the list is exported, then every row is quoted, quotes doubled, booked first, with UTC timestamps', () => {
      const csv = attendeesCsv(ledger);
      assert.ok(csv.startsWith('\uFEFF"status","waiting list position","name"'));
      const rows = csv.slice(1).split('\r\n');
      assert.equal(rows.length, 4, 'header, two people, final empty line');
      assert.match(rows[1]!, /^"booked","","Name a","Headteacher","Acle Academy","","2024-04-23T08:00:00.000Z","2024-04-23T08:00:00.000Z"/);
      assert.match(rows[2]!, /^"waitlisted","1","Name b","SENCO","'=HYPERLINK\(""http:\/\/evil.example""\)","Says ""hello"", then\nleaves"/);
    });
  });
});
