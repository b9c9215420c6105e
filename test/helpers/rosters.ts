import type { Activity } from 'botbuilder';
import type { Job } from '../../bot/jobs/runner';
import { BOT, channelThread, createTestConversationUpdate, type TestUser } from './activities';
import type { TestBot } from './bot';
import { recipient } from './broadcasts';
import type { StandInConnector } from './connector';

/** A team the bot is added to in roster tests, with the name Teams gives it. */
export const TEAM = { id: '19:nlc-heads@thread.tacv2', name: 'NLC Secondary Heads' };

/** `count` people from recipient(`from`) on: a team's members, each with a Teams id, an Entra id and a name. */
export const peopleFrom = (from: number, count: number): TestUser[] => Array.from({ length: count }, (_, i) => recipient(from + i));

/** A conversationUpdate in the team's General channel, as Teams sends it (the team's id and name in channelData). */
function teamUpdate(connector: StandInConnector, from: TestUser, change: Parameters<typeof createTestConversationUpdate>[3], team = TEAM): Partial<Activity> {
  const activity = createTestConversationUpdate(connector.serviceUrl, channelThread(team.id), from, change);
  return { ...activity, channelData: { ...(activity.channelData as object), team: { id: team.id, name: team.name }, eventType: 'teamMemberAdded' } };
}

/** The team's members are what the connector lists; then the bot is added to the team (the install turn only queues the read). */
export async function installInTeam(bot: TestBot, connector: StandInConnector, members: readonly TestUser[], team = TEAM): Promise<{ status: number }> {
  connector.setMembers(team.id, members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name })));
  return bot.post(teamUpdate(connector, members[0] ?? recipient(0), { membersAdded: [BOT] }, team));
}

export const botRemovedFromTeam = (bot: TestBot, connector: StandInConnector, by: TestUser, team = TEAM) => bot.post(teamUpdate(connector, by, { membersRemoved: [BOT] }, team));

/** People join the team: Teams sends their Teams and Entra ids. */
export const membersJoin = (bot: TestBot, connector: StandInConnector, people: readonly TestUser[], team = TEAM) =>
  bot.post(teamUpdate(connector, people[0]!, { membersAdded: people.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name ?? '' })) }, team));

export const membersLeave = (bot: TestBot, connector: StandInConnector, people: readonly TestUser[], team = TEAM) =>
  bot.post(teamUpdate(connector, people[0]!, { membersRemoved: people.map((p) => ({ id: p.id, aadObjectId: p.aadObjectId, name: p.name ?? '' })) }, team));

export const rosterJob = (bot: TestBot): Job => bot.jobs.find((j) => j.name === 'rosters')!;

/** Entra ids recorded for one team, sorted. */
export async function recorded(bot: TestBot, team = TEAM): Promise<string[]> {
  return (await bot.store.rosters.membersOf(team.id)).map((m) => m.userAadObjectId).sort();
}
