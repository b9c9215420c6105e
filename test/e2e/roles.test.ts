import { strict as assert } from 'node:assert';
import { createTestMessage, personalChat } from '../helpers/activities';
import { botPerTest, type TestBot } from '../helpers/bot';
import { click, command, ORGANISER, organiserEnv, recipient } from '../helpers/broadcasts';
import { cardsIn, cardText, type StandInConnector } from '../helpers/connector';
import { storeFingerprint, changedDocs } from '../helpers/store';
import { buttonsOf } from '../helpers/card-buttons';
import type { OrganiserGrant } from '../../bot/domain/roles/roles';

const TG2 = 'tg2-transitions';

/**
 * Organisers and task-group leads given and taken through the bot, stored in Cosmos with
 * who did it and when: the next request already counts, nothing restarts. The permanent
 * organisers (ORGANISER_AAD_IDS) cannot be removed here.
 */
describe('organisers and leads without a redeploy', () => {
  let connector: StandInConnector;
  let bot: TestBot;

  botPerTest(() => ({ env: organiserEnv() }), (b, c) => {
    [bot, connector] = [b, c];
  });

  const refusedText = /Only NLC organisers can/;
  /** What the person's organiser help says: refused, or the organiser commands. */
  const organiserHelp = async (n: number) => cardText(await command(bot, connector, 'organiser help', recipient(n)));
  /** Someone the bot knows by name: they answered an event. */
  const meet = async (n: number) => click(bot, connector, 'event.rsvp', { eventId: 'practice-week-2024-bitesize-mon', response: 'going' }, { user: recipient(n) });

  it('when an organiser pastes an Entra object id, then that person is an organiser at once, and Cosmos records who added them and when', async () => {
    const person = recipient(1);
    assert.match(await organiserHelp(1), refusedText);
    const card = await click(bot, connector, 'organiser.find', { who: person.aadObjectId!.toUpperCase() });
    assert.match(cardText(card), /is now an organiser/);
    assert.match(cardText(card), /Added by Test User 900 on Tue 23 April 2024/);
    assert.doesNotMatch(await organiserHelp(1), refusedText);
    assert.match(await organiserHelp(1), /Organiser commands/);
    const { resource } = await bot.store.cosmos.containers.roles.item(`organiser:${person.aadObjectId}`, `organiser:${person.aadObjectId}`).read<OrganiserGrant>();
    assert.deepEqual([resource?.active, resource?.addedBy, resource?.addedAt], [true, ORGANISER.aadObjectId, '2024-04-23T08:00:00.000Z']);
  });

  it('when an organiser types a name, then the people the bot knows by it are offered, and Make organiser adds the one picked', async () => {
    await meet(2);
    const offered = await command(bot, connector, 'add organiser test user 1002');
    assert.match(cardText(offered), /People the bot knows as "test user 1002"[\s\S]*Test User 1002/);
    const make = buttonsOf(offered).find((b) => b.verb === 'organiser.add' && b.data.userId === recipient(2).aadObjectId);
    assert.ok(make, 'a Make organiser button for the person');
    const added = await click(bot, connector, 'organiser.add', make.data);
    assert.match(cardText(added), /Test User 1002 is now an organiser/);
    assert.doesNotMatch(await organiserHelp(2), refusedText);
  });

  it('when an organiser removes one added through the bot, then they are refused at once, and the record keeps who removed them and when', async () => {
    const person = recipient(3);
    await click(bot, connector, 'organiser.add', { userId: person.aadObjectId });
    const card = await click(bot, connector, 'organiser.remove', { userId: person.aadObjectId });
    assert.match(cardText(card), /is no longer an organiser[\s\S]*Removed: .*by Test User 900 on Tue 23 April 2024/);
    assert.match(await organiserHelp(3), refusedText);
    const { resource } = await bot.store.cosmos.containers.roles.item(`organiser:${person.aadObjectId}`, `organiser:${person.aadObjectId}`).read<OrganiserGrant>();
    assert.deepEqual([resource?.active, resource?.removedBy], [false, ORGANISER.aadObjectId]);
  });

  it('when anyone tries to remove a permanent organiser (ORGANISER_AAD_IDS), then it is refused and they stay one', async () => {
    const added = recipient(4);
    await click(bot, connector, 'organiser.add', { userId: added.aadObjectId });
    const card = await click(bot, connector, 'organiser.remove', { userId: ORGANISER.aadObjectId }, { user: added });
    assert.match(cardText(card), /permanent organiser, set in the bot's settings/);
    assert.doesNotMatch(cardText(await command(bot, connector, 'organiser help')), refusedText);
  });

  it('when someone who is not an organiser sends Add or Remove (a forged card), or data that is not an Entra id, then it is refused and nothing is written', async () => {
    const before = await storeFingerprint(bot.store);
    const outsider = recipient(5);
    assert.match(cardText(await click(bot, connector, 'organiser.add', { userId: outsider.aadObjectId }, { user: outsider })), refusedText);
    assert.match(cardText(await click(bot, connector, 'organiser.find', { who: outsider.aadObjectId }, { user: outsider })), refusedText);
    assert.match(cardText(await click(bot, connector, 'lead.add', { groupId: TG2, userId: outsider.aadObjectId }, { user: outsider })), refusedText);
    assert.match(cardText(await click(bot, connector, 'organiser.add', { userId: 'not-an-id' })), /not right|not an Entra object id/);
    assert.match(cardText(await click(bot, connector, 'organiser.add', { userId: outsider.aadObjectId, admin: true })), /not right|Unrecognized/i);
    assert.deepEqual(changedDocs(before, await storeFingerprint(bot.store)), []);
  });

  it('when an organiser adds a lead by Entra object id (not a member), then the lead can read the digest at once, and removing them takes it away', async () => {
    const lead = recipient(6);
    const digest = () => command(bot, connector, 'digest 2', lead);
    assert.match(cardText(await digest()), /You don't lead a task group/);
    const card = await click(bot, connector, 'lead.find', { groupId: TG2, who: lead.aadObjectId, member: '' });
    assert.match(cardText(card), /Leads of Ensuring Effective Transitions[\s\S]*now leads this group[\s\S]*Added on Tue 23 April 2024/);
    assert.match(cardText(await digest()), /What has come in/);
    const group = await bot.store.taskGroups.getGroup(TG2);
    assert.deepEqual(group?.leadChanges.map((c) => [c.kind, c.userId, c.by]), [['added', lead.aadObjectId, ORGANISER.aadObjectId]]);
    await click(bot, connector, 'lead.remove', { groupId: TG2, userId: lead.aadObjectId });
    assert.match(cardText(await digest()), /You don't lead a task group/);
  });

  it('when an added organiser asks to be forgotten, then their role goes; when the organiser who added someone is forgotten, the role stays without their id', async () => {
    const added = recipient(7);
    await click(bot, connector, 'organiser.add', { userId: added.aadObjectId });
    const other = recipient(8);
    await click(bot, connector, 'organiser.add', { userId: other.aadObjectId }, { user: added });
    await click(bot, connector, 'privacy.forgetMe', {}, { user: added });
    assert.match(await organiserHelp(7), refusedText);
    assert.doesNotMatch(await organiserHelp(8), refusedText);
    const { resource } = await bot.store.cosmos.containers.roles.item(`organiser:${other.aadObjectId}`, `organiser:${other.aadObjectId}`).read<OrganiserGrant>();
    assert.equal(resource?.addedBy, '00000000-0000-0000-0000-000000000000');
    assert.ok(!JSON.stringify(resource).includes(added.aadObjectId!) && !JSON.stringify(resource).includes(added.name!));
  });

  it('when "manage organisers" is typed in a group chat, then the names go to the personal chat and the chat gets a note', async () => {
    await bot.post(createTestMessage(connector.serviceUrl, { id: '19:heads@thread.v2', conversationType: 'groupChat', tenantId: personalChat(ORGANISER).tenantId }, ORGANISER, 'manage organisers'));
    const note = connector.sentTo('19:heads@thread.v2').flatMap(cardsIn).map(cardText).join('\n');
    assert.doesNotMatch(note, /Test User 900/);
    assert.match(note, /personal chat/);
  });
});
