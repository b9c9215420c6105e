import { strict as assert } from 'node:assert';
import { demoTaskGroups } from '../../bot/data/demo/task-groups';
import { parseCsv as readCsv } from '../../bot/domain/csv';
import { contributionsCsv } from '../../bot/domain/task-groups/export';
import type { Contribution } from '../../bot/domain/task-groups/task-group';

const { calls } = demoTaskGroups(new Date('2024-04-23T08:00:00Z'));
const byId = new Map(calls.filter((c) => c.groupId === 'tg5-collaborative-standard').map((c) => [c.id, c]));

const contribution = (values: Contribution['values'], extra: Partial<Contribution> = {}): Contribution => ({
  id: 'c1',
  groupId: 'tg5-collaborative-standard',
  callId: 'tg5-case-studies',
  kind: 'caseStudy',
  authorId: 'u1',
  authorName: 'Sam Head',
  values,
  status: 'submitted',
  createdAt: '2024-05-01T08:00:00.000Z',
  updatedAt: '2024-05-01T08:00:00.000Z',
  ...extra,
});

/** The export read back with the reader programme imports use (bot/domain/csv.ts). */
const parseCsv = (text: string): string[][] => {
  const read = readCsv(text);
  assert.ok('rows' in read, JSON.stringify(read));
  return read.rows.map((row) => row.cells);
};

describe('contributions CSV export', () => {
  const tricky = {
    title: 'Reading, writing and "oracy"',
    setting: '=cmd|\' /C calc\'!A0',
    phase: 'Primary',
    summary: 'Line one\nline two, with a comma\r\n+ and a plus at a line start',
    link: 'https://example.org',
  };
  const csv = contributionsCsv([contribution(tricky)], byId);
  const [header, row] = parseCsv(csv);

  it('when values hold commas, quotes and newlines, then each comes back whole in its own cell', () => {
    const at = (label: string) => row![header!.indexOf(label)];
    assert.equal(at('Title'), 'Reading, writing and "oracy"');
    assert.equal(at('Summary (up to 2,000 characters)'), tricky.summary);
    assert.equal(parseCsv(csv).length, 2, 'one header and one row, whatever the newlines inside cells');
  });

  it('when a value starts like a spreadsheet formula, then it is neutralised with an apostrophe', () => {
    assert.equal(row![header!.indexOf('School or setting')], `'${tricky.setting}`);
  });

  it('when the file is opened, then it starts with a byte-order mark and uses CRLF line ends', () => {
    assert.ok(csv.startsWith('\uFEFF"sent at (UTC)"'));
    assert.ok(csv.endsWith('\r\n'));
  });

  it('when contributions of several kinds are exported, then each answer lands under its own question', () => {
    const visit = contribution({ setting: 'Example Academy', expertise: 'Phonics', availability: 'Spring', places: 4 }, { id: 'c2', callId: 'tg5-host-a-visit', kind: 'hostVisit' });
    const [head, , second] = parseCsv(contributionsCsv([contribution(tricky), visit], byId));
    assert.equal(second![head!.indexOf('Places per visit')], '4');
    assert.equal(second![head!.indexOf('School or setting')], 'Example Academy');
    assert.equal(second![head!.indexOf('Title')], '');
    assert.equal(second![head!.indexOf('kind')], 'Offer to host a visit');
  });
});
