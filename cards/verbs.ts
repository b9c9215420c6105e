/**
 * Every card action's verb (Action.Execute), declared once. The card that shows a button
 * puts its verb on it (templates take it as data: "${$root.verbs.rsvp}"), and the route
 * that answers the click registers it (bot/teams/routes), both from here: searching for
 * a constant finds both ends. A verb is part of every card already posted, so one is
 * never renamed; a card from an older version with a verb no route knows gets "that
 * button is out of date".
 */

// Events
export const EVENT_RSVP = 'event.rsvp';
export const EVENT_VIEW = 'event.view';

// Workshops: people
export const WORKSHOP_VIEW = 'workshop.view';
export const WORKSHOP_BOOK = 'workshop.book';
export const WORKSHOP_CALENDAR = 'workshop.calendar';
export const WORKSHOP_CANCEL = 'workshop.cancel';

// Workshops: organisers
export const WORKSHOP_ATTENDEES = 'workshop.attendees';
export const WORKSHOP_EXPORT = 'workshop.export';
export const WORKSHOP_CAPACITY = 'workshop.capacity';
export const WORKSHOP_CLOSE = 'workshop.close';
export const WORKSHOP_REOPEN = 'workshop.reopen';

// Consultation deadlines
export const DEADLINE_VIEW = 'deadline.view';
export const DEADLINE_REMIND = 'deadline.remind';
export const DEADLINE_RESPONDED = 'deadline.responded';

// Task groups
export const GROUP_VIEW = 'group.view';
export const GROUP_JOIN = 'group.join';
export const GROUP_LEAVE = 'group.leave';
export const GROUP_CREATE = 'group.create';
export const GROUP_CHOOSE_LEADS = 'group.chooseLeads';
export const GROUP_SET_LEADS = 'group.setLeads';

// Calls for contributions and contributions
export const CALL_OPEN = 'call.open';
export const CALL_SEND_TO_MEMBERS = 'call.sendToMembers';
export const CONTRIBUTION_SUBMIT = 'contribution.submit';
export const CONTRIBUTION_VIEW = 'contribution.view';
export const CONTRIBUTION_EDIT = 'contribution.edit';
export const CONTRIBUTION_UPDATE = 'contribution.update';
export const CONTRIBUTION_WITHDRAW = 'contribution.withdraw';
export const CONTRIBUTION_MARK_USED = 'contribution.markUsed';
/** A lead opening one contribution: its full text and who sent it. */
export const CONTRIBUTION_READ = 'contribution.read';
export const DIGEST_VIEW = 'digest.view';
export const CONTRIBUTIONS_EXPORT = 'contributions.export';

// Broadcasts
export const BROADCAST_COMPOSE = 'broadcast.compose';
export const BROADCAST_PREVIEW = 'broadcast.preview';
export const BROADCAST_SEND = 'broadcast.send';
export const BROADCAST_STATUS = 'broadcast.status';
export const BROADCAST_RESEND = 'broadcast.resend';
export const BROADCAST_WITHDRAW = 'broadcast.withdraw';
export const BROADCAST_WITHDRAW_CONFIRM = 'broadcast.withdraw.confirm';

// Authoring and programme import
export const AUTHOR_SAVE = 'author.save';
export const AUTHOR_CANCEL = 'author.cancel';
export const IMPORT_PREVIEW = 'import.preview';
export const IMPORT_APPLY = 'import.apply';

// Privacy
export const PRIVACY_FORGET_ME = 'privacy.forgetMe';
export const PRIVACY_REVIEW_PERSON = 'privacy.reviewPerson';
export const PRIVACY_FORGET_PERSON = 'privacy.forgetPerson';

// Organisers and task-group leads, given and taken by organisers through the bot
export const ORGANISER_FIND = 'organiser.find';
export const ORGANISER_ADD = 'organiser.add';
export const ORGANISER_REMOVE = 'organiser.remove';
export const LEAD_FIND = 'lead.find';
export const LEAD_ADD = 'lead.add';
export const LEAD_REMOVE = 'lead.remove';

// Events: organisers
export const EVENT_ANSWERS = 'event.answers';
export const EVENT_ANSWERS_EXPORT = 'event.answersExport';
export const EVENT_FOLLOW_UP = 'event.followUp';
export const EVENT_FOLLOW_UP_SEND = 'event.followUpSend';

// Workshops: booking for a colleague, and "Remind me to book"
export const WORKSHOP_COLLEAGUE_FORM = 'workshop.colleagueForm';
export const WORKSHOP_BOOK_COLLEAGUE = 'workshop.bookColleague';
export const WORKSHOP_REMIND_TO_BOOK = 'workshop.remindToBook';
