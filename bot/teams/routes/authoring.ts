import { z } from 'zod/v4';
import { renderFormCard } from '../../../cards/form';
import { renderNoticeCard } from '../../../cards/notice';
import { plural } from '../../../cards/plural';
import type { AdaptiveCardJson } from '../../../cards/template';
import { type Cancelled, cancelConfirmed, cancelTargetOf } from '../../domain/authoring/cancel';
import { editForm, newForm, saveForm } from '../../domain/authoring/service';
import { AUTHORING_KINDS, type AuthoringForm, type AuthoringKind, type Saved } from '../../domain/authoring/authoring';
import { parseTargetArgs } from '../../domain/authoring/targets';
import { type AuthoringDeps } from '../../domain/authoring/ports';
import { isEditConflict } from '../../domain/authoring/conflicts';
import { type FieldProblem, isDomainError } from '../../domain/errors';
import { groupIdSchema } from '../../domain/task-groups/task-group';
import { asText, inputsOf, submitForm } from './form-errors';
import { cardAction, type CommandRoute, type RouteModule, type Turn } from './route';
import { type PromotionRouteDeps, tellPromoted } from './workshops';
import { AUTHOR_CANCEL, AUTHOR_SAVE } from '../../../cards/verbs';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/);
const OWN_KEYS = ['kind', 'id', 'groupId', 'shown'] as const;
/** What an edit form showed, by input id: saving from an out-of-date form is then caught (conflicts.ts). */
const shownValues = z.record(z.string().max(40), z.string().max(4000)).refine((values) => Object.keys(values).length <= 40, 'too many values');
const saveData = z.object({ kind: z.enum(AUTHORING_KINDS), id: id.optional(), groupId: groupIdSchema.optional(), shown: shownValues.optional() }).catchall(z.unknown());
const cancelData = z.strictObject({ kind: z.enum(['event', 'deadline', 'call']), id, groupId: groupIdSchema.optional() });

/** Where each kind shows once saved. */
const LISTED_IN: Record<AuthoringKind, string> = { event: 'events', workshop: 'events', deadline: 'deadlines', call: 'calls' };

/**
 * The form card. An edit form carries the values it showed (`shown`, the form's own
 * values unless it is drawn again after a problem), so its Save can tell whether someone
 * else changed the thing meanwhile.
 */
function formCard(form: AuthoringForm, problems?: readonly FieldProblem[], values?: Record<string, string>, options: { shown?: Record<string, string>; banner?: string } = {}): AdaptiveCardJson {
  const editing = form.id !== undefined;
  return renderFormCard({
    eyebrow: 'NLC organisers',
    title: form.heading,
    intro: editing
      ? 'Saving updates every copy already posted (broadcasts and reminders). Dates and times are London time.'
      : 'Dates and times are London time. Nothing is posted until you broadcast it.',
    banner: options.banner ?? (problems?.length ? 'Nothing was saved yet. Please check the fields marked below.' : undefined),
    fields: form.fields,
    values: values ?? form.values,
    problems,
    actions: [
      {
        title: editing ? 'Save changes' : 'Create',
        verb: AUTHOR_SAVE,
        data: {
          kind: form.kind,
          ...(form.id ? { id: form.id } : {}),
          ...(form.groupId ? { groupId: form.groupId } : {}),
          ...(editing ? { shown: options.shown ?? form.values } : {}),
        },
      },
    ],
  });
}

function savedCard(saved: Saved): AdaptiveCardJson {
  const moved = saved.promoted ? ` ${plural(saved.promoted.entries.length, 'person moves', 'people move')} up from the waiting list and ${saved.promoted.entries.length === 1 ? 'is' : 'are'} being told.` : '';
  return renderNoticeCard({
    title: `${saved.created ? 'Created' : 'Saved'}: ${saved.title}`,
    message: saved.created
      ? `It is listed in "${LISTED_IN[saved.kind]}" now. Its id is ${saved.id}.`
      : `${plural(saved.copies, 'posted copy', 'posted copies')} will be updated to show the change.${moved}`,
    tone: 'good',
    hint: `Type "edit ${saved.id}" to change it, "cancel ${saved.id}" to cancel it, or "reminders ${saved.id}" to see who will be reminded.`,
  });
}

function cancelledCard(done: Cancelled): AdaptiveCardJson {
  if (done.kind === 'event') {
    return renderNoticeCard({
      title: `Cancelled: ${done.title}`,
      message: `${plural(done.copies, 'posted copy', 'posted copies')} will show it as cancelled, and ${plural(done.notified, 'person', 'people')} who said Going will get a notice.`,
      tone: 'good',
      hint: done.unreachable > 0 ? `${plural(done.unreachable, 'person', 'people')} who said Going have no chat with the bot, so cannot be told by it.` : undefined,
    });
  }
  if (done.kind === 'deadline') {
    return renderNoticeCard({ title: `Withdrawn: ${done.title}`, message: `${plural(done.copies, 'posted copy', 'posted copies')} will show it as withdrawn; no more reminders go out.`, tone: 'good' });
  }
  return renderNoticeCard({ title: `Closed: ${done.title}`, message: 'It takes no more contributions. What has come in is kept.', tone: 'good' });
}

const CANCEL_QUESTION: Record<Cancelled['kind'], { title: string; message: string; button: string }> = {
  event: { title: 'Cancel', message: 'Every posted copy will show it as cancelled, and everyone who said Going gets a short personal notice.', button: 'Yes, cancel it' },
  deadline: { title: 'Withdraw', message: 'Every posted copy will show it as withdrawn, and no more reminders go out.', button: 'Yes, withdraw it' },
  call: { title: 'Close', message: 'It closes now and takes no more contributions; what has come in is kept.', button: 'Yes, close it' },
};

/**
 * Organisers author the programme in Teams: "new event", "new workshop", "new deadline",
 * "new call", then "edit <id>" and "cancel <id>" for any of them. One form mechanism
 * (bot/domain/forms.ts) draws and checks every form; a form with problems comes back
 * with the values kept and each problem beside its field.
 */
type AuthoringRouteDeps = AuthoringDeps & PromotionRouteDeps;

export function authoringRoutes(deps: AuthoringRouteDeps): RouteModule {
  const newCommand = (kind: AuthoringKind, description: string, aliases: string[] = []): CommandRoute => ({
    name: `new ${kind}`,
    description,
    aliases,
    hidden: true,
    run: async (turn) => turn.reply(formCard(await newForm(deps, turn.actor(), kind))),
  });
  return {
    commands: [
      newCommand('event', 'Organisers: create an event (online or at a venue)'),
      newCommand('workshop', 'Organisers: create a workshop with places to book'),
      newCommand('deadline', 'Organisers: add a consultation deadline (a survey, call for evidence or expression of interest)', ['new consultation']),
      newCommand('call', 'Organisers: open a call for contributions for a task group'),
      {
        name: 'edit',
        description: 'Organisers: change an event, workshop, deadline or call, e.g. "edit practice-week-2024-conference"; posted copies are updated',
        hidden: true,
        run: async (turn, rest) => {
          const { hint, id: which } = parseTargetArgs(rest);
          await turn.reply(formCard(await editForm(deps, turn.actor(), which, hint)));
        },
      },
      cancelCommand(deps),
    ],
    actions: [
      cardAction(AUTHOR_SAVE, saveData, (turn, data) => save(deps, turn, data)),
      cardAction(AUTHOR_CANCEL, cancelData, async (turn, target) => cancelledCard(await cancelConfirmed(deps, turn.actor(), target))),
    ],
  };
}

/** A submitted form saved, or drawn again: with each problem beside its field, or as it is now when someone else changed it meanwhile. */
async function save(deps: AuthoringRouteDeps, turn: Turn, data: z.infer<typeof saveData>): Promise<AdaptiveCardJson> {
  const inputs = inputsOf(data, OWN_KEYS);
  const target = { kind: data.kind, id: data.id, groupId: data.groupId, shown: data.shown };
  const saveIt = async (): Promise<AdaptiveCardJson> => {
    const saved = await saveForm(deps, turn.actor(), target, inputs);
    if (saved.promoted) tellPromoted(turn, deps, saved.promoted.eventId, saved.promoted.entries);
    return savedCard(saved);
  };
  const formAgain = async (problems: readonly FieldProblem[]): Promise<AdaptiveCardJson> => {
    const form = data.id ? await editForm(deps, turn.actor(), data.id, data.kind) : await newForm(deps, turn.actor(), data.kind);
    return formCard(form, problems, asText(inputs), { shown: data.shown });
  };
  try {
    return await submitForm(saveIt, formAgain);
  } catch (error) {
    // Someone else changed it meanwhile: the current version, what they changed marked.
    if (!isDomainError(error) || !isEditConflict(error) || !data.id) throw error;
    const current = await editForm(deps, turn.actor(), data.id, data.kind);
    return formCard(current, error.details.fields, undefined, { banner: `${error.message} ${error.details.hint ?? ''}`.trim() });
  }
}

/** "cancel <id>": what it would do, with the button that does it. */
const cancelCommand = (deps: AuthoringRouteDeps): CommandRoute => ({
  name: 'cancel',
  description: 'Organisers: cancel an event or workshop, withdraw a deadline, or close a call (asks first)',
  hidden: true,
  run: async (turn, rest) => {
    const { hint, id: which } = parseTargetArgs(rest);
    const target = await cancelTargetOf(deps, turn.actor(), which, hint);
    const question = CANCEL_QUESTION[target.kind];
    await turn.reply(
      renderNoticeCard({
        title: `${question.title} "${target.title}"?`,
        message: question.message,
        tone: 'warning',
        actions: [{ title: question.button, verb: AUTHOR_CANCEL, data: { kind: target.kind, id: target.id, ...(target.groupId ? { groupId: target.groupId } : {}) } }],
      }),
    );
  },
});
