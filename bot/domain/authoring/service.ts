import type { Actor } from '../actor';
import { DomainError, type FieldProblem } from '../errors';
import { checkForm, type FieldSpec } from '../forms';
import { eventToOrganise } from '../events/changes';
import { assertOrganiser } from '../organisers';
import { slug } from '../slug';
import { requestKey } from '../request-key';
import { londonDate } from '../time';
import { deadlineState } from '../deadlines/deadline';
import { bookedCount } from '../workshops/ledger';
import type { Call } from '../task-groups/task-group';
import { callFields, callFormText, callFromForm } from './call-form';
import { DEADLINE_FIELDS, deadlineFormText, deadlineFromForm } from './deadline-form';
import { EVENT_FIELDS, eventInputOf, formTextOf, WORKSHOP_FIELDS } from './event-fields';
import { eventFromInput, eventInputProblems, eventKey, inputOf } from './event-input';
import { updateEvent } from './event-update';
import { createWithFreshId, findTarget } from './targets';
import type { AuthoringForm, AuthoringKind, Saved, SubmittedForm, Target } from './authoring';
import { assertNoConflict, sameText } from './conflicts';
import type { AuthoringDeps } from './ports';

const WHAT = 'create or change events, workshops, deadlines and calls';
const LABEL: Record<AuthoringKind, string> = { event: 'event', workshop: 'workshop', deadline: 'consultation deadline', call: 'call for contributions' };

export const fieldsFor = (kind: 'event' | 'workshop' | 'deadline'): readonly FieldSpec[] =>
  kind === 'event' ? EVENT_FIELDS : kind === 'workshop' ? WORKSHOP_FIELDS : DEADLINE_FIELDS;

export async function newForm(deps: AuthoringDeps, actor: Actor, kind: AuthoringKind): Promise<AuthoringForm> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const heading = `New ${LABEL[kind]}`;
  if (kind === 'call') return { kind, heading, fields: callFields(await deps.taskGroups.listGroups()), values: {} };
  if (kind === 'deadline') return { kind, heading, fields: DEADLINE_FIELDS, values: deadlineFormText(undefined) };
  return { kind, heading, fields: fieldsFor(kind), values: { where: 'online', reminders: '7,1' } };
}

/** The edit form of whatever the id names, filled with it as it is now. */
export async function editForm(deps: AuthoringDeps, actor: Actor, id: string, hint?: AuthoringKind): Promise<AuthoringForm> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const target = await findTarget(deps, id, hint);
  return formOf(deps, actor, target);
}

async function formOf(deps: AuthoringDeps, actor: Actor, target: Target): Promise<AuthoringForm> {
  switch (target.kind) {
    case 'event': {
      const event = await eventToOrganise(deps, actor, target.event.id, 'edit events');
      const kind = event.kind === 'workshop' ? 'workshop' : 'event';
      return { kind, id: event.id, heading: `Edit: ${event.title}`, fields: fieldsFor(kind), values: formTextOf(inputOf(event)) };
    }
    case 'deadline':
      return { kind: 'deadline', id: target.deadline.id, heading: `Edit: ${target.deadline.title}`, fields: DEADLINE_FIELDS, values: deadlineFormText(target.deadline) };
    case 'call':
      return { kind: 'call', id: target.call.id, groupId: target.call.groupId, heading: `Edit: ${target.call.title}`, fields: callFields(undefined), values: callFormText(target.call) };
  }
}

const invalid = (fields: FieldProblem[]): DomainError =>
  new DomainError('invalid_input', 'Some answers need another look; nothing was saved yet.', { fields });

/**
 * Saves a submitted form: creates (with an id made from the title and date) or changes
 * the thing, then has every posted copy updated. An invalid form throws `invalid_input`
 * with each problem beside its field, and nothing is written. A change is one etag-guarded
 * read-modify-write: when someone else changed the thing since the form was drawn, it
 * throws `conflict` naming what they changed (conflicts.ts), and nothing is written.
 */
export async function saveForm(deps: AuthoringDeps, actor: Actor, form: SubmittedForm, submitted: Record<string, unknown>): Promise<Saved> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const now = deps.clock.now();
  if (form.kind === 'event' || form.kind === 'workshop') {
    const current = form.id ? await eventToOrganise(deps, actor, form.id, 'edit events') : undefined;
    const kind = current ? (current.kind === 'workshop' ? 'workshop' : 'event') : form.kind;
    const checked = checkForm(fieldsFor(kind), submitted);
    if (!checked.ok) throw invalid(checked.problems);
    const input = eventInputOf(checked.values, kind === 'workshop');
    const ledger = current?.kind === 'workshop' ? await deps.workshops.getLedger(current.id) : undefined;
    const problems = eventInputProblems(input, { now, current, booked: ledger ? bookedCount(ledger) : undefined });
    if (problems.length > 0) throw invalid(problems);
    if (!current) {
      const draft = eventFromInput(input, { id: 'new', status: 'scheduled', sequence: 0 });
      const createdFrom = requestKey(actor.aadObjectId, kind, formTextOf(inputOf(draft)));
      const id = await createWithFreshId(
        eventKey(input),
        (candidate) => deps.events.createEvent({ ...draft, id: candidate, createdFrom }),
        async (candidate) => (await deps.events.getEvent(candidate))?.createdFrom === createdFrom,
      );
      return { kind, id, title: draft.title, created: true, copies: 0 };
    }
    return updateEvent(deps, actor, current, input, ledger !== undefined, form.shown);
  }
  if (form.kind === 'deadline') return saveDeadline(deps, actor, form, submitted, now);
  return saveCall(deps, actor, form, submitted, now);
}

async function saveDeadline(deps: AuthoringDeps, actor: Actor, form: SubmittedForm, submitted: Record<string, unknown>, now: Date): Promise<Saved> {
  const checked = checkForm(DEADLINE_FIELDS, submitted);
  if (!checked.ok) throw invalid(checked.problems);
  if (form.id) {
    const deadline = await deps.deadlines.updateDeadline(form.id, (current) => {
      if (deadlineState(current, now) !== 'open') throw new DomainError('closed', `"${current.title}" has closed or been withdrawn, so it can no longer be changed.`);
      const next = deadlineFromForm(checked.values, { id: current.id, status: current.status, sequence: current.sequence + 1 }, now, current);
      if (!next.deadline) throw invalid(next.problems);
      const [stored, mine] = [deadlineFormText(current), deadlineFormText(next.deadline)];
      assertNoConflict(current.title, stored, form.shown, mine);
      return sameText(stored, mine) ? undefined : { ...next.deadline, ...(current.createdFrom ? { createdFrom: current.createdFrom } : {}), ...(current.example ? { example: current.example } : {}) };
    });
    if (!deadline) throw new DomainError('not_found', 'That deadline is no longer listed.');
    return { kind: 'deadline', id: deadline.id, title: deadline.title, created: false, ...(await deps.deadlineFollowUps.changed(deadline)) };
  }
  const { deadline: draft, problems } = deadlineFromForm(checked.values, { id: 'new', status: 'open', sequence: 0 }, now);
  if (!draft) throw invalid(problems);
  const createdFrom = requestKey(actor.aadObjectId, 'deadline', deadlineFormText(draft));
  const newId = await createWithFreshId(
    draft.closesAt ? `${slug(draft.title, 60)}-${londonDate(new Date(draft.closesAt))}` : slug(draft.title, 60) || 'offer',
    (candidate) => deps.deadlines.createDeadline({ ...draft, id: candidate, createdFrom }),
    async (candidate) => (await deps.deadlines.getDeadline(candidate))?.createdFrom === createdFrom,
  );
  return { kind: 'deadline', id: newId, title: draft.title, created: true, copies: 0 };
}

async function saveCall(deps: AuthoringDeps, actor: Actor, form: SubmittedForm, submitted: Record<string, unknown>, now: Date): Promise<Saved> {
  const current = form.id && form.groupId ? await deps.taskGroups.getCall(form.groupId, form.id) : undefined;
  if (form.id && !current) throw new DomainError('not_found', 'That call for contributions no longer exists.');
  const groups = current ? undefined : await deps.taskGroups.listGroups();
  const checked = checkForm(callFields(groups), submitted);
  if (!checked.ok) throw invalid(checked.problems);
  const { values } = checked;
  if (current) {
    const saved = await deps.taskGroups.updateCall(current.groupId, current.id, (latest) => {
      if (!latest) throw new DomainError('not_found', 'That call for contributions no longer exists.');
      const { call, problems } = callFromForm(values, latest, now);
      if (!call) throw invalid(problems);
      const [stored, mine] = [callFormText(latest), callFormText(call)];
      assertNoConflict(latest.title, stored, form.shown, mine);
      return sameText(stored, mine) ? undefined : call;
    });
    return { kind: 'call', id: current.id, title: saved?.title ?? current.title, created: false, copies: 0 };
  }
  const base = { id: 'new', groupId: String(values.group), kind: values.callKind as Call['kind'], createdAt: now.toISOString(), createdBy: actor.aadObjectId };
  const { call, problems } = callFromForm(values, base, now);
  if (!call) throw invalid(problems);
  const createdFrom = requestKey(actor.aadObjectId, 'call', call.groupId, call.kind, callFormText(call));
  const id = await createWithFreshId(
    slug(call.title, 70) || 'call',
    (candidate) => deps.taskGroups.createCall({ ...call, id: candidate, createdFrom }),
    async (candidate) => (await deps.taskGroups.getCall(call.groupId, candidate))?.createdFrom === createdFrom,
  );
  return { kind: 'call', id, title: call.title, created: true, copies: 0 };
}
