import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a /proc/<pid>/stat line, in clock ticks (fields 14 and 15, after the `(comm)`). */
export function cpuTicksFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('not a /proc/<pid>/stat line');
  return utime + stime;
}

/** A `Vm…` line of a /proc/<pid>/status text (VmHWM: peak resident, VmRSS: resident now), in bytes. */
export function memoryFromStatus(status: string, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} line in /proc/<pid>/status`);
  return Number(match[1]) * 1024;
}

/** CPU time (user + system) a process has used so far, in seconds. */
export const cpuSecondsOf = (pid: number): number =>
  cpuTicksFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8')) / CLOCK_TICKS_PER_SECOND;

export const memoryOf = (pid: number, field: 'VmHWM' | 'VmRSS'): number =>
  memoryFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'), field);
