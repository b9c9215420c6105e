import json from './announcement.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

export interface AnnouncementCardData {
  title: string;
  /** Teams' markdown subset (bold, lists, links). */
  text: string;
}

const expand = cardTemplate<AnnouncementCardData>(json);

/** A plain announcement broadcast by the organisers. */
export const renderAnnouncementCard = (data: AnnouncementCardData): AdaptiveCardJson => expand({ title: data.title, text: data.text });
