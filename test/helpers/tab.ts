import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { organisersFrom } from '../../bot/domain/organisers';
import { respondToEvent } from '../../bot/domain/events/service';
import { submitContribution } from '../../bot/domain/task-groups/contributions';
import { bookWorkshop } from '../../bot/domain/workshops/service';
import { people } from '../../bot/tab-api/playground-people.json';
import { buildTab } from '../../scripts/build-tab';
import { testUser } from './activities';
import { startTestBot, type TestBot } from './bot';
import { WORKSHOP } from './workshops';

/**
 * The organiser tab in a real browser: built once per test run into a temporary folder,
 * served by a real bot in local mode, opened in Debian's Chromium as one of the Agents
 * Playground's people. The people: Alex organises, Megan leads Task Group 5, Adele is a member.
 */
export const [ORGANISER, LEAD, MEMBER] = people.map((p) => ({ id: p.aadObjectId, name: p.name })) as [Person, Person, Person];
interface Person {
  id: string;
  name: string;
}

export const CASE_STUDY_GROUP = 'tg5-collaborative-standard';
export const CASE_STUDY_SUMMARY =
  'Pupils from both schools planned the visit together.\nThe host school showed its nurture room and how the day is structured, and the visiting staff took the morning routine back with them.';

let built: Promise<string> | undefined;
export const builtTab = (): Promise<string> =>
  (built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nlc-tab-'));
    await buildTab(dir);
    return dir;
  })());

export async function startTabBot(env: Record<string, string> = {}): Promise<TestBot> {
  return startTestBot({ env: { ORGANISER_AAD_IDS: ORGANISER.id, ...env }, tabDirectory: await builtTab() });
}

/** `booked` people book the AP framework workshop (40 places) in order, the rest go to its waiting list. */
export async function fillWorkshop(bot: TestBot, count: number): Promise<void> {
  const deps = { events: bot.store.events, workshops: bot.store.workshops, clock: bot.clock, links: bot.links };
  for (let n = 1; n <= count; n++) {
    const user = testUser(500 + n);
    await bookWorkshop(deps, { aadObjectId: user.aadObjectId!, teamsUserId: user.id, name: user.name }, WORKSHOP, { role: 'senco', school: `School ${n}`, needs: n % 7 === 0 ? 'Step-free access' : '' });
  }
}

/**
 * People answer the Practice Week conference over the three weeks before the demo's
 * "now" (the clock goes back and returns), so its chart has weeks to show.
 */
export async function answerConference(bot: TestBot, count: number): Promise<void> {
  const now = bot.clock.now();
  const deps = { events: bot.store.events, clock: bot.clock };
  const answers = ['going', 'going', 'maybe', 'notGoing'] as const;
  for (let n = 1; n <= count; n++) {
    bot.clock.set(new Date(now.getTime() - (count - n) * Math.floor((21 * 86_400_000) / count)));
    const user = testUser(700 + n);
    await respondToEvent(deps, { aadObjectId: user.aadObjectId!, teamsUserId: user.id, name: user.name }, 'practice-week-2024-conference', answers[n % answers.length]!);
  }
  bot.clock.set(now);
}

/** Megan leads Task Group 5, and a member sends it a case study. */
export async function leadWithCaseStudy(bot: TestBot): Promise<void> {
  await bot.store.taskGroups.updateGroup(CASE_STUDY_GROUP, (group) => (group ? { ...group, leadIds: [LEAD.id], leadNames: [LEAD.name] } : undefined));
  const deps = { taskGroups: bot.store.taskGroups, organisers: organisersFrom([]), clock: bot.clock, newId: () => 'case-study-0001' };
  const author = testUser(900);
  await bot.store.taskGroups.join({ groupId: CASE_STUDY_GROUP, userId: author.aadObjectId!, userName: author.name, joinedAt: bot.clock.now().toISOString() });
  await submitContribution(deps, { aadObjectId: author.aadObjectId!, teamsUserId: author.id, name: author.name }, CASE_STUDY_GROUP, 'tg5-case-studies', {
    title: 'A shared nurture visit',
    setting: 'Example Primary School',
    phase: 'Primary',
    summary: CASE_STUDY_SUMMARY,
  });
}

/** One call to the tab's API in local mode, as a person (the header the page sends on loopback). */
export async function tabApi<T = Record<string, unknown>>(bot: TestBot, who: { id: string }, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${bot.url}/api/tab/${path}`, {
    method,
    headers: { 'x-nlc-local-user': who.id, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Opens the tab as a person (local mode's ?user=), in a theme, and waits for its first page. */
export async function openTab(browser: Browser, bot: TestBot, person: Person, options: { theme?: 'dark' | 'contrast'; hash?: string; width?: number } = {}): Promise<Page> {
  // A context of its own: axe-core analyses pages only in a context made with newContext().
  // Reduced motion: Fluent UI then skips its colour transitions, so axe never measures a
  // button half-way from its disabled grey (a contrast "violation" only a slow machine saw).
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  const theme = options.theme ? `&theme=${options.theme}` : '';
  await page.goto(`${bot.url}/tab/?user=${person.id}${theme}${options.hash ? `#${options.hash}` : ''}`);
  await page.getByRole('heading', { name: 'NLC workspace' }).waitFor();
  return page;
}
