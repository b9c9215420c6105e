import { z } from 'zod/v4';
import type { EventStore } from '../domain/events/ports';
import { eventFromEntry, programmeEntrySchema } from '../domain/events/programme';
import programme from './demo/nlc-programme.json';

const programmeFileSchema = z.object({ about: z.string(), events: z.array(programmeEntrySchema) });

/** The NLC demo programme, validated: a bad edit to the JSON fails start-up, not a card. */
export const demoEvents = () => programmeFileSchema.parse(programme).events.map(eventFromEntry);

/** Loads the demo programme into an empty embedded store. Never called against Azure. */
export async function loadDemoProgramme(events: EventStore): Promise<number> {
  const all = demoEvents();
  await Promise.all(all.map((event) => events.saveEvent(event)));
  return all.length;
}
