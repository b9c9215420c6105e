import json from './notice.json';
import { type AdaptiveCardJson, cardTemplate } from './template';

export type NoticeTone = 'info' | 'good' | 'warning' | 'error';

export interface NoticeCardData {
  title: string;
  message: string;
  color: 'Default' | 'Good' | 'Warning' | 'Attention';
  fields: { field: string; message: string }[];
  hint: string;
  reference: string;
  actions: { title: string; verb: string; data: Record<string, unknown>; style?: 'positive' | 'destructive' | 'default' }[];
}

const expand = cardTemplate<NoticeCardData>(json);

const COLOR: Record<NoticeTone, NoticeCardData['color']> = {
  info: 'Default',
  good: 'Good',
  warning: 'Warning',
  error: 'Attention',
};

export interface Notice {
  title: string;
  message: string;
  tone?: NoticeTone;
  fields?: { field: string; message: string }[];
  hint?: string;
  /** An id to quote to support; the matching log line carries it. */
  reference?: string;
  /** Buttons such as "Try again" that repeat the action that failed. */
  actions?: NoticeCardData['actions'];
}

/** What happened and what the person can do: used for errors and short confirmations alike. */
export function renderNoticeCard(notice: Notice): AdaptiveCardJson {
  return expand({
    title: notice.title,
    message: notice.message,
    color: COLOR[notice.tone ?? 'info'],
    fields: notice.fields ?? [],
    hint: notice.hint ?? '',
    reference: notice.reference ?? '',
    actions: (notice.actions ?? []).map((a) => ({ ...a, style: a.style ?? 'default' })),
  });
}
