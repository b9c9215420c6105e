import { z } from 'zod/v4';
import type { DeadlineStore } from '../../domain/deadlines/ports';
import { deadlineEntrySchema, deadlineFromEntry } from '../../domain/deadlines/programme';
import type { EventStore } from '../../domain/events/ports';
import { eventFromEntry, programmeEntrySchema } from '../../domain/events/programme';
import programme from './nlc-programme.json';

const programmeFileSchema = z.object({ about: z.string(), events: z.array(programmeEntrySchema), deadlines: z.array(deadlineEntrySchema) });

/** The NLC demo programme, validated: a bad edit to the JSON fails start-up, not a card. */
export const demoEvents = () => programmeFileSchema.parse(programme).events.map(eventFromEntry);

/** The consultation deadlines of the demo programme. */
export const demoDeadlines = () => programmeFileSchema.parse(programme).deadlines.map(deadlineFromEntry);

/** Loads the demo programme into an empty embedded store. Never called against Azure. */
export async function loadDemoProgramme(events: EventStore): Promise<number> {
  const all = demoEvents();
  await Promise.all(all.map((event) => events.saveEvent(event)));
  return all.length;
}

export async function loadDemoDeadlines(deadlines: DeadlineStore): Promise<number> {
  const all = demoDeadlines();
  await Promise.all(all.map((deadline) => deadlines.saveDeadline(deadline)));
  return all.length;
}
