import type { Clock } from '../../clock';
import type { DeadlineFollowUps, DeadlineStore } from '../deadlines/ports';
import type { EventFollowUps, EventStore } from '../events/ports';
import type { Organisers } from '../organisers';
import type { TaskGroupStore } from '../task-groups/ports';
import type { WorkshopStore } from '../workshops/ports';

/** What authoring works through: the stores of the four kinds it authors, and what happens to posted copies after a change. */
export interface AuthoringDeps {
  events: EventStore;
  workshops: WorkshopStore;
  deadlines: DeadlineStore;
  taskGroups: TaskGroupStore;
  organisers: Organisers;
  clock: Clock;
  /** Broadcast copies of an event are updated, and people who said Going told of a cancellation. */
  followUps: EventFollowUps;
  deadlineFollowUps: DeadlineFollowUps;
}
