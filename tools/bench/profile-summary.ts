// Summaries of the V8 CPU profiles BENCH_CPU_PROF writes, over the time window of one measured load (a
// profile covers the whole life of the process, start-up included): where the busy time went, by package
// and by function. V8 and process.hrtime both read the monotonic clock, so windows are hrtime microseconds.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileWindow {
  label: string;
  fromUs: number;
  toUs: number;
}

export interface HotSpot {
  name: string;
  selfPercent: number;
}

export interface WindowSummary {
  /** Samples in the window that were not idle, as a share of all samples in it. */
  busyPercent: number;
  packages: HotSpot[];
  functions: HotSpot[];
}

const IDLE = '(idle)';

/** `node_modules/<package>`, `libs/<domain>/<lib>`, `node:<module>`, or a V8 pseudo-frame like `(garbage collector)`. */
export function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName || '(anonymous)';
  // The innermost package: a nested dependency is where the time went.
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  if (dependency) return dependency[1];
  const library = /\/((?:libs|apps)\/[^/]+\/[^/]+)/.exec(url);
  if (library) return library[1];
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

function ranked(counts: Map<string, number>, total: number, limit: number): HotSpot[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => ({ name, selfPercent: (count / total) * 100 }));
}

/** Busy self time within `window` (the whole profile without one), by package and by function. */
export function summariseWindow(profile: CpuProfile, limit: number, window?: ProfileWindow): WindowSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let inWindow = 0;
  let busy = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index] ?? 0;
    if (window && (time < window.fromUs || time > window.toUs)) return;
    inWindow += 1;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === IDLE) return;
    busy += 1;
    const pkg = packageOf(frame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + 1);
    const name = `${frame.functionName || '(anonymous)'}${frame.url ? ` (${pkg}:${frame.lineNumber + 1})` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  });
  if (busy === 0) return { busyPercent: 0, packages: [], functions: [] };
  return {
    busyPercent: (busy / inWindow) * 100,
    packages: ranked(byPackage, busy, limit),
    functions: ranked(byFunction, busy, limit),
  };
}

const spots = (list: HotSpot[]) =>
  list.map((spot) => `${spot.selfPercent.toFixed(1)}% ${spot.name}`).join('; ');

/** Markdown lines for every profile in `directory` and every window (none when there is no such directory). */
export function summariseProfiles(directory: string, windows: readonly ProfileWindow[], limit = 8): string[] {
  if (!existsSync(directory)) return [];
  const lines: string[] = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile;
    for (const window of windows.length > 0 ? windows : [undefined]) {
      const summary = summariseWindow(profile, limit, window);
      lines.push(
        `- **${file.replace('.cpuprofile', '')}** during ${window?.label ?? 'its whole life'} (busy ${summary.busyPercent.toFixed(0)}% of samples). ` +
          `Self time by package: ${spots(summary.packages)}. Hottest functions: ${spots(summary.functions)}.`,
      );
    }
  }
  return lines;
}

/** The monotonic clock in microseconds, as V8 profiles time their samples. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);
