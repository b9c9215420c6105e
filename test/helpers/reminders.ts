import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Job } from '../../bot/jobs/runner';
import { createTestInvoke, createTestMessage, personalChat, type TestUser } from './activities';
import type { TestBot } from './bot';
import { broadcastJob, ORGANISER } from './broadcasts';
import { cardsIn, type SentActivity, type StandInConnector } from './connector';

export const PRACTICE_WEEK_CSV = readFileSync(join(__dirname, '../fixtures/practice-week-2024.csv'), 'utf8');

/** The bot's own reminder scheduler (as createJobs builds it), run by hand. */
export function reminderJob(bot: TestBot): Job {
  const job = bot.jobs.find((j) => j.name === 'reminders');
  if (!job) throw new Error('no reminders job');
  return job;
}

/** One scheduler pass, then the broadcast job that sends what it queued: what a minute of the running bot does. */
export async function runReminders(bot: TestBot, owner?: string): Promise<void> {
  await reminderJob(bot).run();
  await broadcastJob(bot, owner ? { owner } : {}).run();
}

export async function rsvp(bot: TestBot, connector: StandInConnector, user: TestUser, eventId: string, response = 'going') {
  return bot.post(createTestInvoke(connector.serviceUrl, personalChat(user), user, 'event.rsvp', { eventId, response }));
}

/** Messages in this person's chat that are reminders (the line above the card says so). */
export const remindersTo = (connector: StandInConnector, user: TestUser): SentActivity[] =>
  connector.sentTo(personalChat(user).id).filter((s) => /^Reminder: /.test(s.activity.text ?? ''));

/**
 * Where Teams keeps a file someone sent the bot: its pre-authorised download link is
 * all the bot gets. A loopback server stands in for it.
 */
export async function startFileHost(files: Record<string, string>): Promise<{ url(name: string): string; downloads: string[]; close(): Promise<void> }> {
  const downloads: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    downloads.push(name);
    const body = files[name];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    downloads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The organiser sends a file in their personal chat, as Teams delivers it (a file download info attachment); the card the bot answers with. */
export async function sendFile(bot: TestBot, connector: StandInConnector, name: string, downloadUrl: string, user: TestUser = ORGANISER) {
  const chat = personalChat(user);
  const before = connector.sentTo(chat.id).length;
  await bot.post({
    ...createTestMessage(connector.serviceUrl, chat, user, ''),
    text: undefined,
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl, uniqueId: 'file-1', fileType: name.split('.').pop() } }],
  });
  const reply = connector.sentTo(chat.id)[before];
  if (!reply) throw new Error(`no reply to the file ${name}`);
  return cardsIn(reply)[0] ?? { text: reply.activity.text };
}
