import type { Flag } from './outlier-flags';

export type FlagsByCycle = ReadonlyMap<number, Flag> | Readonly<Record<number, Flag>>;

export interface PersistentRiskOptions {
  /**
   * Every cycle that ran, in any order. Consecutive means adjacent in this list, so a year without a
   * survey does not break a run. Default: consecutive calendar years.
   */
  readonly cycles?: readonly number[];
}

export interface PersistentRisk {
  readonly persistent: boolean;
  /** Each maximal run of two or more consecutive RED cycles, oldest first. */
  readonly runs: readonly (readonly number[])[];
}

/**
 * A unit is a persistent risk on a measure when it is RED in two or more consecutive cycles. A cycle in
 * which it is anything but RED (including SUPPRESSED, NO_DATA or absent) ends a run.
 */
function isMap(flags: FlagsByCycle): flags is ReadonlyMap<number, Flag> {
  return flags instanceof Map;
}

export function persistentRisk(
  flagsByCycle: FlagsByCycle,
  options: PersistentRiskOptions = {},
): PersistentRisk {
  const entries: (readonly [number, Flag])[] = isMap(flagsByCycle)
    ? [...flagsByCycle.entries()]
    : Object.entries(flagsByCycle as Readonly<Record<string, Flag>>).map(
        ([cycle, flag]) => [Number(cycle), flag] as const,
      );
  const red = new Set(entries.filter(([, flag]) => flag === 'RED').map(([cycle]) => cycle));

  let sequence: number[];
  if (options.cycles) {
    sequence = [...new Set(options.cycles)].sort((a, b) => a - b);
  } else if (red.size === 0) {
    sequence = [];
  } else {
    const first = Math.min(...red);
    const last = Math.max(...red);
    sequence = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  const runs: number[][] = [];
  let current: number[] = [];
  for (const cycle of sequence) {
    if (red.has(cycle)) {
      current.push(cycle);
      continue;
    }
    if (current.length >= 2) runs.push(current);
    current = [];
  }
  if (current.length >= 2) runs.push(current);
  return { persistent: runs.length > 0, runs };
}
