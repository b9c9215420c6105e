import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestBot } from '../helpers/bot';
import { installPersonalChats } from '../helpers/broadcasts';
import { startConnector, type StandInConnector } from '../helpers/connector';
import { countDocs } from '../helpers/store';
import { LEAD, leadWithCaseStudy, MEMBER, ORGANISER, startTabBot, CASE_STUDY_GROUP, tabApi } from '../helpers/tab';

/**
 * The tab's API in local mode, page by page, over HTTP against the real bot: what each
 * page asks for, the bot's own rules and refusals, nothing saved by a preview or a refusal.
 */
describe('tab API pages (local mode)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let connector: StandInConnector;
  const call = (who: { id: string }, method: string, path: string, body?: unknown) => tabApi(bot, who, method, path, body);

  beforeEach(async () => {
    connector = await startConnector();
    bot = await startTabBot();
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  it('when the programme is filtered by series, then only that series comes, with its answers, and the filters offer every series', async () => {
    const { body } = await call(ORGANISER, 'GET', 'programme?when=all&series=Norfolk%20Practice%20Week%202024');
    const rows = body.rows as { series: string; counts?: unknown }[];
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.series === 'Norfolk Practice Week 2024' && r.counts));
    assert.ok((body.series as string[]).includes('Local First Inclusion'));
  });

  it('when a form is saved with a bad time, then 400 names the field, and nothing is created', async () => {
    const before = (await bot.store.events.listProgramme()).length;
    const values = { title: 'A new session', date: '2024-06-03', start: '10:00', end: '09:00', where: 'online', joinUrl: 'https://teams.microsoft.com/l/x', audience: 'Everyone' };
    const answer = await call(ORGANISER, 'POST', 'forms/event', { values });
    assert.equal(answer.status, 400);
    assert.deepEqual((answer.body.fields as { field: string }[]).map((f) => f.field), ['end']);
    assert.equal((await bot.store.events.listProgramme()).length, before);
    const saved = await call(ORGANISER, 'POST', 'forms/event', { values: { ...values, end: '11:00' } });
    assert.equal(saved.status, 200);
    assert.equal((await bot.store.events.getEvent(String(saved.body.id)))?.startsAt, '2024-06-03T09:00:00.000Z', 'London 10:00 in summer is 09:00 UTC');
  });

  it('when a programme file is previewed, then every row is shown and nothing is saved; imported, the new rows are created', async () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'practice-week-2024.csv'), 'utf8');
    const before = (await bot.store.events.listProgramme()).length;
    const preview = await call(ORGANISER, 'POST', 'import/preview', { text });
    assert.equal(preview.status, 200);
    const counts = preview.body.counts as Record<string, number>;
    assert.ok(counts.create! > 0);
    assert.equal((await bot.store.events.listProgramme()).length, before);
    const imported = await call(ORGANISER, 'POST', 'import', { text });
    assert.equal((imported.body.created as string[]).length, counts.create);
  });

  it('when an organiser composes, then the sample saves nothing; the draft counts the audience and confirming it twice queues it once', async () => {
    await installPersonalChats(bot, connector, 1, 3);
    const form = { content: 'announcement', title: 'Room change', text: 'The June meeting moves to room 2.', audience: 'personal' };
    const sample = await call(ORGANISER, 'POST', 'broadcasts/sample', { form });
    assert.equal(sample.body.recipients, 3);
    assert.equal(await countDocs(bot.store.cosmos.containers.broadcasts, "c.type = 'broadcast'"), 0, 'not even a draft');
    const draft = await call(ORGANISER, 'POST', 'broadcasts', { form });
    const [first, second] = await Promise.all([call(ORGANISER, 'POST', `broadcasts/${String(draft.body.id)}/confirm`), call(ORGANISER, 'POST', `broadcasts/${String(draft.body.id)}/confirm`)]);
    assert.deepEqual([first.status, second.status], [200, 200]);
    const recent = await bot.store.broadcasts.listRecent(10);
    assert.deepEqual(recent.map((b) => [b.status, b.previewCount]), [['queued', 3]]);
    const list = await call(ORGANISER, 'GET', 'broadcasts');
    assert.equal((list.body.recent as unknown[]).length, 1);
    assert.equal((await call(MEMBER, 'GET', 'broadcasts')).status, 403);
  });

  it('when a lead and a member ask for a task group, then the lead gets every contribution in full and the member 403; marking used is the lead\'s', async () => {
    await leadWithCaseStudy(bot);
    const space = await call(LEAD, 'GET', `groups/${CASE_STUDY_GROUP}?kind=caseStudy`);
    const [contribution] = space.body.contributions as { id: string; answers: { label: string }[] }[];
    assert.deepEqual(contribution?.answers.map((a) => a.label), ['Title', 'School or setting', 'Phase', 'Summary (up to 2,000 characters)']);
    assert.equal((await call(MEMBER, 'GET', `groups/${CASE_STUDY_GROUP}`)).status, 403);
    assert.equal((await call(MEMBER, 'POST', `groups/${CASE_STUDY_GROUP}/contributions/${contribution.id}/used`, { used: true })).status, 403);
    assert.equal((await call(LEAD, 'POST', `groups/${CASE_STUDY_GROUP}/contributions/${contribution.id}/used`, { used: true })).body.used, true);
    assert.equal((await call(LEAD, 'GET', `groups/${CASE_STUDY_GROUP}?kind=idea`)).body.contributions instanceof Array, true);
  });

  it('when a body is not JSON or has unknown fields, then 4xx and nothing changes; deadlines are the organisers\'', async () => {
    const raw = await fetch(`${bot.url}/api/tab/events/ap-framework-workshop-2024/capacity`, { method: 'POST', headers: { 'x-nlc-local-user': ORGANISER.id, 'content-type': 'text/plain' }, body: '45' });
    assert.equal(raw.status, 415);
    assert.equal((await call(ORGANISER, 'POST', 'events/ap-framework-workshop-2024/capacity', { capacity: 45, extra: 1 })).status, 400);
    assert.equal((await call(ORGANISER, 'GET', 'deadlines')).status, 200);
    assert.equal((await call(MEMBER, 'GET', 'deadlines')).status, 403);
    assert.equal((await bot.store.workshops.getLedger('ap-framework-workshop-2024'))?.capacity ?? 40, 40);
  });
});
