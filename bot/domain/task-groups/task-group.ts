import { z } from 'zod/v4';
import type { FormValues } from '../forms';
import { CONTRIBUTION_KINDS, MAX_SURVEY_QUESTIONS, type ContributionKind } from './contribution-kinds';
import { requestKeySchema } from '../request-key';
import { LEAD_CHANGES_KEPT, leadChangeSchema } from '../roles/roles';
import { exampleSchema, httpsUrlSchema } from '../content-fields';

/** Ids travel in card data and Cosmos ids: short lower-case slugs or generated ids. */
export const groupIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'a task group id is lower-case letters, digits and dashes');
export const callIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'a call id is lower-case letters, digits and dashes');
export const contributionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'not a contribution id');
const aadId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const utc = z.iso.datetime();

export const taskGroupSchema = z.object({
  id: groupIdSchema,
  /** The NLC's own number for the group (Task Group 1, 2, 5, 6...). */
  number: z.number().int().min(1).max(99).optional(),
  name: z.string().trim().min(3).max(120),
  purpose: z.string().trim().min(3).max(600),
  projects: z.array(z.string().trim().min(3).max(200)).max(8),
  /** Entra object ids of the leads; organisers can always act as leads too. */
  leadIds: z.array(aadId).max(10),
  /** Lead names as last seen, for the card (ids are what permissions use). */
  leadNames: z.array(z.string().max(120)).max(10).default([]),
  /** Who added or removed each lead and when, the latest LEAD_CHANGES_KEPT. */
  leadChanges: z.array(leadChangeSchema).max(LEAD_CHANGES_KEPT).default([]),
  createdAt: utc,
});
export type TaskGroup = z.infer<typeof taskGroupSchema>;

export const surveyQuestionSchema = z.object({
  id: z.string().regex(/^q[1-9]$/),
  text: z.string().trim().min(3).max(200),
  required: z.boolean(),
});

export const callSchema = z
  .object({
    id: callIdSchema,
    groupId: groupIdSchema,
    kind: z.enum(CONTRIBUTION_KINDS),
    title: z.string().trim().min(3).max(120),
    /** What the group wants, in a sentence or two. */
    asks: z.string().trim().min(3).max(600),
    closesAt: utc,
    survey: z.array(surveyQuestionSchema).max(MAX_SURVEY_QUESTIONS).default([]),
    /**
     * A public form the lead provides for people who are not in Teams (a survey for pupils,
     * parents and carers): shown on the card to share. Staff still answer on the card.
     */
    shareUrl: httpsUrlSchema.optional(),
    /** What on its card is illustrative rather than fact (demo data). */
    example: exampleSchema.optional(),
    createdBy: aadId.optional(),
    createdAt: utc,
    /** The request that created it (request-key.ts): a repeat of that request finds this instead of making a copy. */
    createdFrom: requestKeySchema.optional(),
  })
  .refine((c) => c.kind !== 'surveyAnswer' || c.survey.length > 0, { path: ['survey'], message: 'a survey needs at least one question' });
export type Call = z.infer<typeof callSchema>;

export interface Membership {
  groupId: string;
  userId: string;
  userName?: string;
  joinedAt: string;
}

export interface Contribution {
  id: string;
  groupId: string;
  callId: string;
  kind: ContributionKind;
  authorId: string;
  authorName?: string;
  values: FormValues;
  /** "used": a lead has used it (e.g. published as a case study). */
  status: 'submitted' | 'used';
  createdAt: string;
  updatedAt: string;
  usedAt?: string;
}

export const isOpen = (call: Call, now: Date): boolean => new Date(call.closesAt) > now;

/** "Task Group 5", as the NLC numbers its groups (cards, search and public pages say it alike). */
export const groupLabel = (group: Pick<TaskGroup, 'number'>): string => (group.number ? `Task Group ${group.number}` : 'NLC task group');
