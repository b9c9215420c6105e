import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProgrammeFile } from '../../bot/domain/authoring/programme-file';
import { csvDocument, type CsvRow, parseCsv as readCsv } from '../../bot/domain/csv';
import { londonToUtc } from '../../bot/domain/time';

const PRACTICE_WEEK = readFileSync(join(__dirname, '../fixtures/practice-week-2024.csv'), 'utf8');

const parseCsv = (text: string): CsvRow[] => {
  const read = readCsv(text);
  assert.ok('rows' in read, JSON.stringify(read));
  return read.rows;
};

describe('reading CSV', () => {
  it('when cells hold quoted commas, doubled quotes and line breaks, then each comes back as written', () => {
    const rows = parseCsv('title,notes\r\n"Reading, for pleasure","She said ""hello""\nthen left"\r\nplain,x\r\n');
    assert.deepEqual(
      rows.map((r) => r.cells),
      [
        ['title', 'notes'],
        ['Reading, for pleasure', 'She said "hello"\nthen left'],
        ['plain', 'x'],
      ],
    );
    assert.deepEqual(rows.map((r) => r.line), [1, 2, 4], 'a row keeps the line it starts on');
  });

  it('when the file starts with a UTF-8 byte-order mark, then the first column name is read without it', () => {
    assert.deepEqual(parseCsv('\uFEFFtitle,date\nA,2024-05-20')[0]!.cells, ['title', 'date']);
  });

  it('when a CSV this bot wrote is read back, then the cells are the same', () => {
    const cells = [['Name', 'Notes'], ['Sam, Head', 'Line one\r\nline "two"']];
    assert.deepEqual(parseCsv(csvDocument(cells[0]!, [cells[1]!])).map((r) => r.cells), [['Name', 'Notes'], ["Sam, Head", 'Line one\r\nline "two"']]);
  });

  it('when lines are empty, then they are left out', () => {
    assert.equal(parseCsv('a,b\n\n1,2\n\n').length, 2);
  });

  it('when a row holds only commas and spaces, then it is left out and the next row keeps its own line', () => {
    assert.deepEqual(parseCsv('a,b\r\n,\r\n  ,\t\r\n1,2').map((r) => r.line), [1, 4]);
  });

  it('when quoted cells hold CRLF line breaks, then every row still starts on its own line', () => {
    assert.deepEqual(parseCsv('a,b\r\n"x\r\ny\r\nz",1\r\nq,2\r\n"one\ntwo",3\r\nr,4').map((r) => r.line), [1, 2, 5, 6, 8]);
  });

  it('when a quote appears inside an unquoted field, then it is kept as written', () => {
    assert.deepEqual(parseCsv('title\nThe "new" framework\n')[1]!.cells, ['The "new" framework']);
  });

  it('when a quoted field is never closed, then the answer is a problem to show, not rows and not an exception', () => {
    assert.deepEqual(readCsv('title,date\n"Reading for pleasure,2024-05-20\nB,2024-05-21\n'), {
      problem: 'A quoted field is never closed: each field that starts with " must end with ".',
    });
    const file = parseProgrammeFile('title,date\n"Reading for pleasure,2024-05-20\n');
    assert.deepEqual([file.rows, file.problems], [[], ['A quoted field is never closed: each field that starts with " must end with ".']]);
  });
});

describe('reading a programme file', () => {
  it('when the Practice Week file is read (BOM, CRLF, quoted commas, UK dates), then every session becomes an event input in London time', () => {
    const file = parseProgrammeFile(PRACTICE_WEEK);
    assert.deepEqual(file.problems, []);
    assert.equal(file.rows.length, 5);
    assert.deepEqual(file.rows.flatMap((r) => r.problems), []);
    const [first, , , , workshop] = file.rows;
    assert.equal(first!.input!.title, 'Bitesize: reading for pleasure, at home and at school');
    assert.equal(first!.input!.date, '2024-05-20');
    assert.equal(first!.input!.start, '16:00');
    assert.equal(first!.input!.joinUrl, 'https://teams.microsoft.com/l/meetup-join/nlc-pw-reading');
    assert.equal(londonToUtc(first!.input!.date, first!.input!.start).toISOString(), '2024-05-20T15:00:00.000Z');
    assert.equal(first!.key, 'bitesize-reading-for-pleasure-at-home-and-at-school-2024-05-20');
    assert.deepEqual(workshop!.input!.booking, { capacity: 20, bookBy: '2024-05-17', organiserName: 'NLC Practice Week team', organiserEmail: 'practice-week@example.org' });
    assert.equal(workshop!.input!.where, 'venue');
    assert.deepEqual(workshop!.input!.reminderDays, [3, 1]);
  });

  it('when the same file is read twice, then every row has the same key both times (importing twice creates nothing new)', () => {
    assert.deepEqual(parseProgrammeFile(PRACTICE_WEEK).rows.map((r) => r.key), parseProgrammeFile(PRACTICE_WEEK).rows.map((r) => r.key));
  });

  it('when rows have problems, then each row names its own, beside the column, and the good rows are still read', () => {
    const file = parseProgrammeFile(
      [
        'title,date,start,end,location,audience',
        'Good session,2024-05-20,10:00,11:00,online,All',
        'No place,2024-05-21,10:00,11:00,,All',
        'Bad date,2024-02-30,10:00,11:00,online,All',
        'Bad time,2024-05-22,25:00,11:00,online,All',
      ].join('\n'),
    );
    const byTitle = new Map(file.rows.map((r) => [r.title, r]));
    assert.deepEqual(byTitle.get('Good session')!.problems, []);
    assert.deepEqual(byTitle.get('No place')!.problems.map((p) => p.field), ['where']);
    assert.match(byTitle.get('No place')!.problems[0]!.message, /venue, or "online"/);
    assert.deepEqual(byTitle.get('Bad date')!.problems.map((p) => p.field), ['date']);
    assert.deepEqual(byTitle.get('Bad time')!.problems.map((p) => p.field), ['start']);
    assert.deepEqual(file.rows.map((r) => r.line), [2, 3, 4, 5]);
  });

  it('when a session appears twice in one file, then the second is refused as a duplicate of the first', () => {
    const file = parseProgrammeFile('title,date,start,end,location,audience\nA talk,2024-05-20,10:00,11:00,online,All\nA TALK,2024-05-20,14:00,15:00,online,All');
    assert.deepEqual(file.rows[0]!.problems, []);
    assert.match(file.rows[1]!.problems[0]!.message, /same session as line 2/);
  });

  it('when a key column is given, then it is the stable key, whatever the title', () => {
    const file = parseProgrammeFile('key,title,date,start,end,location,audience\npw-01,Renamed talk,2024-05-20,10:00,11:00,online,All');
    assert.equal(file.rows[0]!.key, 'pw-01');
  });

  it('when the demo programme JSON is read, then its sessions are read like CSV rows', () => {
    const json = readFileSync(join(__dirname, '../../bot/data/demo/nlc-programme.json'), 'utf8');
    const file = parseProgrammeFile(json);
    assert.deepEqual(file.problems, []);
    const bitesize = file.rows.find((r) => r.title === 'Practice Week bitesize: learning beyond the classroom');
    assert.equal(bitesize?.input?.start, '12:30');
    assert.equal(bitesize?.input?.joinUrl, 'https://teams.microsoft.com/l/meetup-join/nlc-practice-week-2024-tue');
    const conference = file.rows.find((r) => r.title === 'Practice Week online conference: Learning');
    assert.deepEqual([conference?.input?.start, conference?.input?.end, conference?.problems], [undefined, undefined, []]);
  });

  it('when the file is not a programme (no header, bad JSON, unknown shape), then it says so and reads no rows', () => {
    for (const text of ['just some words\nand more', '{"events": [', '{"sessions": []}', '']) {
      const file = parseProgrammeFile(text);
      assert.equal(file.rows.length, 0, text);
      assert.equal(file.problems.length, 1, text);
    }
  });

  it('when a column is not one the bot knows, then it is listed as not used', () => {
    assert.deepEqual(parseProgrammeFile('title,date,start,end,location,audience,room colour\nA,2024-05-20,10:00,11:00,online,All,blue').unknownColumns, ['room colour']);
  });
});
