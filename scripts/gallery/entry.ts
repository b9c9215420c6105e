import { demoDeadlines, demoEvents } from '../../bot/data/demo/programme';
import type { Deadline } from '../../bot/domain/deadlines/deadline';
import type { NlcEvent } from '../../bot/domain/events/event';
import type { AdaptiveCardJson } from '../../cards/template';

/**
 * One card of the gallery: a template expanded with realistic fixture data. The card
 * tests run over every entry, and `npm run cards:gallery` draws each as a picture.
 */
export interface GalleryEntry {
  /** File-name friendly, e.g. "event-going". */
  name: string;
  /** The template file this entry exercises. */
  template: string;
  description: string;
  render(): AdaptiveCardJson;
}

/** Who a fixture card refreshes for (its `refresh.userIds`). */
export const USERS = ['29:fixture-user-1', '29:fixture-user-2'];

export function demoEvent(id: string): NlcEvent {
  const found = demoEvents().find((e) => e.id === id);
  if (!found) throw new Error(`no demo event ${id}`);
  return found;
}

export function demoDeadline(id: string): Deadline {
  const found = demoDeadlines().find((d) => d.id === id);
  if (!found) throw new Error(`no demo deadline ${id}`);
  return found;
}
