import type { Deadline } from '../deadlines/deadline';
import type { NlcEvent } from '../events/event';
import type { FieldSpec } from '../forms';
import type { Call } from '../task-groups/task-group';
import type { BookingEntry } from '../workshops/ledger';
import type { FormText } from './conflicts';

/** What organisers author in Teams: one create / edit / cancel flow for all four. */
export const AUTHORING_KINDS = ['event', 'workshop', 'deadline', 'call'] as const;
export type AuthoringKind = (typeof AUTHORING_KINDS)[number];

/** Something that exists, found by the id an organiser typed. */
export type Target = { kind: 'event'; event: NlcEvent } | { kind: 'deadline'; deadline: Deadline } | { kind: 'call'; call: Call };

/** A form to create or edit one thing: which, its inputs, and what to show in them. */
export interface AuthoringForm {
  kind: AuthoringKind;
  /** Absent for something new. */
  id?: string;
  /** A call's group (calls are found by group and id). */
  groupId?: string;
  heading: string;
  fields: readonly FieldSpec[];
  values: Record<string, string>;
}

export interface Saved {
  kind: AuthoringKind;
  id: string;
  title: string;
  created: boolean;
  /** Copies already posted (broadcasts, reminders) that will be updated to show the change. */
  copies: number;
  /** Raising a workshop's places books people from its waitlist: tell them. */
  promoted?: { eventId: string; entries: BookingEntry[] };
}

/** Which form was submitted: its kind and, when editing, what it edits and the values it showed. */
export type SubmittedForm = Pick<AuthoringForm, 'kind' | 'id' | 'groupId'> & { shown?: FormText };
