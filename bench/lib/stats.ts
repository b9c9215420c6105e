/** Percentile by nearest rank over a copy of the samples (ms). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarise(latencies: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  return {
    n: latencies.length,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(percentile(latencies, 100)),
  };
}

/**
 * One line of a benchmark's summary: the figure, its target and whether it is met, so one
 * block at the end of a run says everything (the coordinator re-runs the scripts on a
 * quiet machine and reads only that block).
 */
export function targetLine(measure: string, figure: string, target: string, met: boolean): string {
  return `  ${measure}: ${figure}  | target ${target} | ${met ? 'met' : 'NOT MET'}`;
}
