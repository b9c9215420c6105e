import { weekCommencing } from './time';

/** One week's figure on a chart: the week by its Monday (London date) and a count. */
export interface WeekCount {
  week: string;
  count: number;
}

/**
 * How many of the instants fall in each week, oldest week first, with the empty weeks
 * between them (so a chart's gaps mean no activity); `cumulative` gives running totals
 * (members over time).
 */
export function countByWeek(instants: readonly Date[], options: { cumulative?: boolean } = {}): WeekCount[] {
  if (instants.length === 0) return [];
  const counts = new Map<string, number>();
  for (const at of instants) counts.set(weekCommencing(at), (counts.get(weekCommencing(at)) ?? 0) + 1);
  const weeks = [...counts.keys()].sort();
  const series: WeekCount[] = [];
  let running = 0;
  for (let week = weeks[0]!; week <= weeks.at(-1)!; week = nextWeek(week)) {
    running = options.cumulative ? running + (counts.get(week) ?? 0) : counts.get(week) ?? 0;
    series.push({ week, count: running });
  }
  return series;
}

const nextWeek = (week: string): string => new Date(Date.parse(`${week}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
