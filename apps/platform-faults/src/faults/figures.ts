import type { FaultKind, InjectedFault } from './fault-injector';

export interface FaultFigures {
  mode: string;
  faults: readonly InjectedFault[];
  acknowledged: number;
  stored: number;
  counted: number | null;
  lost: number;
  duplicated: number;
  deadLetters: number;
  abandoned: number;
  seconds: number;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The figures as a Markdown table, for the console and the README. */
export function figuresTable(figures: FaultFigures): string {
  const byKind = new Map<FaultKind, number[]>();
  for (const fault of figures.faults)
    byKind.set(fault.kind, [...(byKind.get(fault.kind) ?? []), fault.recoveryMs]);
  const rows = [
    ['faults injected', String(figures.faults.length)],
    ['acknowledged', String(figures.acknowledged)],
    ['stored', String(figures.stored)],
    ['counted by analytics (released)', String(figures.counted ?? 'not released')],
    ['lost (must be 0)', String(figures.lost)],
    ['duplicated (must be 0)', String(figures.duplicated)],
    ['on a DLQ (must be 0)', String(figures.deadLetters)],
    ['given up unacknowledged', String(figures.abandoned)],
    ['load duration', `${figures.seconds.toFixed(0)} s`],
    ...[...byKind].map(([kind, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return [
        `recovery, ${kind} ×${times.length}`,
        `min ${seconds(sorted[0])} s, median ${seconds(sorted[Math.floor(sorted.length / 2)])} s, max ${seconds(sorted[sorted.length - 1])} s`,
      ];
    }),
  ];
  return [
    `Fault suite (${figures.mode})`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  ].join('\n');
}
