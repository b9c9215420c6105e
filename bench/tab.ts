/**
 * npm run bench:tab
 *
 * The organiser tab with a big programme in the store: 200 events (past and to come, in
 * series, with FLOURISH outcomes), 20,000 answers spread over them and 500 bookings on the
 * AP framework workshop (40 booked, 460 waiting). The bot runs in this process on its
 * embedded Cosmos DB, serving the built tab (dist/tab, from npm run build).
 *  1. programme API: GET /api/tab/programme as an organiser (local mode), one request at a
 *     time, for the page the tab opens on and for a filtered and an "all" page; p50/p99.
 *     Target: p99 < 100 ms.
 *  2. first render in Debian's Chromium: a fresh browser context (empty cache) opens
 *     /tab/ as the organiser; time from navigation start to the programme's first row on
 *     screen (performance.now() in the page). Target: < 1 s.
 * Options (env): REQUESTS (300 per page), RENDERS (10).
 */
import { loadConfig } from '../bot/config';
import { ManualClock } from '../bot/clock';
import { eventSchema, type NlcEvent } from '../bot/domain/events/event';
import { FLOURISH } from '../bot/domain/flourish';
import { bookWorkshop } from '../bot/domain/workshops/service';
import { silentLogger } from '../bot/log';
import { startBot } from '../bot/start';
import { TAB_OUT } from '../scripts/build-tab';
import { launchChromium } from '../scripts/lib/chromium';
import { median, round, summarise } from './lib/stats';

const REQUESTS = Number(process.env.REQUESTS ?? 300);
const RENDERS = Number(process.env.RENDERS ?? 10);
const ORGANISER = '00000000-0000-4000-8000-0000000000a0';
const NOW = '2024-04-23T08:00:00Z';
const WORKSHOP = 'ap-framework-workshop-2024';

function benchEvent(n: number): NlcEvent {
  const start = new Date(Date.parse(NOW) + (n - 100) * 86_400_000 + 9 * 3_600_000);
  return eventSchema.parse({
    id: `bench-event-${n}`, title: `Bench session ${n}`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    location: { type: 'online' }, audience: 'Everyone', series: `Series ${n % 8}`, flourish: FLOURISH[n % FLOURISH.length],
  });
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export async function seed(bot: Awaited<ReturnType<typeof startBot>>): Promise<void> {
  const events = Array.from({ length: 200 - 10 }, (_, i) => benchEvent(i + 1)); // + the demo's 10 = 200
  await inBatches(events, 20, (e) => bot.store.events.saveEvent(e));
  const answers = Array.from({ length: 20_000 }, (_, i) => i);
  const responses = ['going', 'maybe', 'notGoing'] as const;
  await inBatches(answers, 100, (i) => {
    const event = events[i % events.length]!;
    return bot.store.events.saveRsvp({ eventId: event.id, userId: `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`, userName: `Person ${i}`, response: responses[i % 3]!, respondedAt: new Date(Date.parse(NOW) - (i % 60) * 3_600_000).toISOString(), eventEndsAt: event.endsAt });
  });
  const deps = { events: bot.store.events, workshops: bot.store.workshops, clock: bot.clock, links: bot.links };
  await inBatches(Array.from({ length: 500 }, (_, i) => i), 50, (i) =>
    bookWorkshop(deps, { aadObjectId: `00000000-0000-4000-a000-${i.toString(16).padStart(12, '0')}`, teamsUserId: `29:b${i}`, name: `Booker ${i}` }, WORKSHOP, { role: 'senco', school: `School ${i}`, needs: '' }),
  );
}

async function apiLatency(url: string, path: string): Promise<ReturnType<typeof summarise>> {
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { 'x-nlc-local-user': ORGANISER } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Runs in the page (a function, not a string: the tab's CSP forbids eval): the time since navigation started once the programme has a row, else 0. */
const FIRST_ROW_SHOWN = (): number => ((globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector('main table tbody tr') ? performance.now() : 0);

async function firstRenders(url: string): Promise<number[]> {
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < RENDERS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${url}/tab/?user=${ORGANISER}`);
      const handle = await page.waitForFunction(FIRST_ROW_SHOWN, undefined, { polling: 'raf', timeout: 10_000 });
      times.push(round(Number(await handle.jsonValue())));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

async function main(): Promise<void> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ORGANISER_AAD_IDS: ORGANISER, DATA_DIR: 'memory' });
  const bot = await startBot(config, { log: silentLogger, clock: new ManualClock(NOW), cosmos: { mode: 'embedded', database: 'nlc' }, jobs: false, tabDirectory: TAB_OUT });
  try {
    const seeded = performance.now();
    await seed(bot);
    process.stdout.write(`seeded 200 events, 20,000 answers, 500 bookings in ${round((performance.now() - seeded) / 1000)} s\n`);
    await apiLatency(bot.url, '/api/tab/me');
    const floor = await apiLatency(bot.url, '/api/tab/me');
    process.stdout.write(`the smallest API call (/api/tab/me, the same sign-in and server), for scale: ${JSON.stringify(floor)} ms\n`);
    for (const [label, path] of [['to come (the first page)', '/api/tab/programme'], ['one series', '/api/tab/programme?when=all&series=Series%203'], ['all, page 3', '/api/tab/programme?when=all&page=3']] as const) {
      await apiLatency(bot.url, path); // warm-up round, not counted
      process.stdout.write(`programme API, ${label}: ${JSON.stringify(await apiLatency(bot.url, path))} ms (target p99 < 100)\n`);
    }
    const renders = await firstRenders(bot.url);
    process.stdout.write(`first render (navigation start to the first programme row), ${RENDERS} fresh contexts: median ${median(renders)} ms, max ${Math.max(...renders)} ms (target < 1000); ${renders.join(', ')}\n`);
  } finally {
    await bot.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
