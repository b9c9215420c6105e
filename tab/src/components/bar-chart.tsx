import { VerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** Fluent UI's bar chart (the look Teams uses); loaded lazily by week-chart.tsx. */
export default function BarChart({ points, unit }: { points: { x: string; y: number }[]; unit: string }): ReactNode {
  return <VerticalBarChart data={points.map((p) => ({ x: p.x, y: p.y, legend: unit, color: tokens.colorBrandBackground }))} height={180} hideLegend barWidth={16} />;
}
