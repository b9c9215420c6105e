import type { Actor } from '../actor';
import type { InstalledConversation } from '../conversations/conversation';
import { DomainError, isDomainError } from '../errors';
import { assertOrganiser } from '../organisers';
import { formatDate } from '../time';
import { channelLabel, EVENT_ANSWER_CHOICES } from './audience-types';
import type { ComposeChoices, ComposeForm } from './compose';
import { type SendingOptions, sendingOptionsFromForm } from './sending-options';
import { type BroadcastDeps, type BroadcastPreview, type BroadcastSpecs, createBroadcast, resolveBroadcast, WHAT } from './service';

/**
 * Composing a broadcast: what the compose card offers, and the preview that checks the
 * form, counts the recipients and saves a draft for the organiser to confirm (service.ts).
 */

/** Channels offered by name; a long list is cut rather than make the card too big for Teams. */
const MAX_CHANNEL_CHOICES = 100;

/** What the organiser can choose from: content and audience types, upcoming events, channels. */
export async function composeChoices(deps: BroadcastDeps, actor: Actor): Promise<ComposeChoices> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const now = deps.clock.now();
  const [events, channels, calls, groups, deadlines] = await Promise.all([
    deps.events.listUpcoming(now, 30),
    deps.conversations.listActive('channel'),
    deps.taskGroups.listOpenCalls(now),
    deps.taskGroups.listGroups(),
    deps.deadlines && deps.contents.get('deadline') ? deps.deadlines.listOpen(now) : [],
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.number ? `Task Group ${g.number}` : g.name]));
  return {
    contents: deps.contents.all().filter((c) => c.composable).map((c) => ({ value: c.kind, title: c.label })),
    audiences: deps.audiences.all().filter((a) => a.composable !== false).map((a) => ({ value: a.kind, title: a.label })),
    events: events.map((e) => ({ value: e.id, title: `${e.title} (${formatDate(new Date(e.startsAt))})` })),
    channels: channels
      .map((c) => ({ value: c.conversationId, title: channelLabel(c) }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, MAX_CHANNEL_CHOICES),
    teams: teamChoices(channels),
    answers: EVENT_ANSWER_CHOICES.map((a) => ({ value: a.value, title: a.title })),
    calls: calls.map((c) => ({ value: `${c.groupId}/${c.id}`, title: `${c.title} (${groupName.get(c.groupId) ?? c.groupId})` })),
    taskGroups: groups.map((g) => ({ value: g.id, title: g.number ? `Task Group ${g.number}: ${g.name}` : g.name })),
    deadlines: deadlines.map((d) => ({ value: d.id, title: d.closesAt ? `${d.title} (closes ${formatDate(new Date(d.closesAt))})` : `${d.title} (open offer)` })),
  };
}

/** Each team the bot is in, once, by the name Teams gave it. */
function teamChoices(channels: readonly InstalledConversation[]): ComposeChoices['teams'] {
  const teams = new Map<string, string>();
  for (const c of channels) if (c.teamId && !teams.has(c.teamId)) teams.set(c.teamId, c.teamName ?? 'Team');
  return [...teams].map(([value, title]) => ({ value, title })).sort((a, b) => a.title.localeCompare(b.title)).slice(0, MAX_CHANNEL_CHOICES);
}

/** Reads every part of the form, so every problem is reported at once, each beside its field. */
async function specsFromForm(deps: BroadcastDeps, form: ComposeForm): Promise<BroadcastSpecs & { options: SendingOptions }> {
  const { options, problems } = sendingOptionsFromForm(form, deps.clock);
  const collect = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'invalid_input') throw error;
      problems.push(...(error.details.fields ?? [{ field: 'form', message: error.message }]));
      return undefined;
    }
  };
  const contentType = deps.contents.get(form.content ?? '');
  const audienceType = [deps.audiences.get(form.audience ?? '')].find((a) => a?.composable !== false);
  if (!contentType?.composable) problems.push({ field: 'content', message: 'choose what to send' });
  if (!audienceType) problems.push({ field: 'audience', message: 'choose who it goes to' });
  const content = contentType?.composable ? await collect(() => contentType.fromForm(form, deps)) : undefined;
  const audience = audienceType ? await collect(() => audienceType.fromForm(form, deps)) : undefined;
  if (problems.length > 0 || !content || !audience || !contentType || !audienceType) {
    throw new DomainError('invalid_input', 'Some of the form was not right, so nothing was sent.', { fields: problems });
  }
  return { content, contentType, audience, audienceType, options };
}

/** Checks the form, counts the recipients and saves a draft the organiser can confirm. */
export async function previewBroadcast(deps: BroadcastDeps, actor: Actor, form: ComposeForm): Promise<BroadcastPreview> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const { options, ...specs } = await specsFromForm(deps, form);
  return createBroadcast(deps, actor, { ...specs, ...options }, undefined);
}

/** What the form would send and to how many, saving nothing: the organiser tab's live preview. */
export async function sampleBroadcast(deps: BroadcastDeps, actor: Actor, form: ComposeForm): Promise<Omit<BroadcastPreview, 'broadcast'> & { title: string; audienceText: string }> {
  await assertOrganiser(deps.organisers, actor, WHAT);
  const { resolution, prepared, audienceText } = await resolveBroadcast(deps, await specsFromForm(deps, form));
  return {
    title: prepared.title,
    audienceText,
    recipients: resolution.recipients.length,
    // The same counts a saved draft records (createBroadcast), so the sample and the preview card agree.
    opens: resolution.recipients.filter((r) => r.opensChat).length,
    unreachable: resolution.unreachable,
    unreachableWhy: resolution.unreachableWhy ?? {},
    sample: prepared.sample,
  };
}
