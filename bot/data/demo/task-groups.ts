import { z } from 'zod/v4';
import type { TaskGroupStore } from '../../domain/task-groups/ports';
import { callSchema, taskGroupSchema, type Call, type TaskGroup } from '../../domain/task-groups/task-group';
import { endOfLondonDay, londonToUtc } from '../../domain/time';
import data from './nlc-task-groups.json';

const fileSchema = z.object({
  about: z.string(),
  groups: z.array(z.object({ id: z.string(), number: z.number(), name: z.string(), purpose: z.string(), projects: z.array(z.string()) })),
  calls: z.array(
    z.object({
      id: z.string(),
      groupId: z.string(),
      kind: z.string(),
      title: z.string(),
      asks: z.string(),
      closes: z.iso.date(),
      survey: z.array(z.object({ id: z.string(), text: z.string(), required: z.boolean() })).optional(),
      shareUrl: z.string().optional(),
      example: z.string().optional(),
    }),
  ),
});

/** Validated demo task groups and calls; a bad edit to the JSON fails start-up, not a card. */
export function demoTaskGroups(createdAt: Date): { groups: TaskGroup[]; calls: Call[] } {
  const file = fileSchema.parse(data);
  const at = createdAt.toISOString();
  return {
    groups: file.groups.map((g) => taskGroupSchema.parse({ ...g, leadIds: [], leadNames: [], createdAt: at })),
    calls: file.calls.map(({ closes, ...c }) =>
      callSchema.parse({ ...c, closesAt: endOfLondonDay(londonToUtc(closes, '12:00')).toISOString(), createdAt: at }),
    ),
  };
}

export async function loadDemoTaskGroups(store: TaskGroupStore, createdAt: Date): Promise<number> {
  const { groups, calls } = demoTaskGroups(createdAt);
  await Promise.all(groups.map((g) => store.saveGroup(g)));
  await Promise.all(calls.map((c) => store.saveCall(c)));
  return groups.length;
}
