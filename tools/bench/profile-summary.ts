// Summaries of the V8 CPU profiles BENCH_CPU_PROF writes: the functions with the most self time.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface HotFunction {
  name: string;
  location: string;
  selfPercent: number;
}

/** The `limit` functions with the most self samples, merged by function and location, as % of all samples. */
export function hottestFunctions(profile: CpuProfile, limit: number): HotFunction[] {
  const hits = new Map<string, HotFunction & { hits: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = node.hitCount ?? 0;
    total += count;
    const { functionName, url, lineNumber } = node.callFrame;
    const location = url ? `${url.replace(/^.*\/(node_modules|libs|apps)\//, '$1/')}:${lineNumber + 1}` : '';
    const name = functionName || '(anonymous)';
    const key = `${name}@${location}`;
    const entry = hits.get(key) ?? { name, location, selfPercent: 0, hits: 0 };
    entry.hits += count;
    hits.set(key, entry);
  }
  if (total === 0) return [];
  return [...hits.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, limit)
    .map(({ name, location, hits: count }) => ({ name, location, selfPercent: (count / total) * 100 }));
}

/** Markdown lines for every profile in `directory` (none when there is no such directory). */
export function summariseProfiles(directory: string, limit = 8): string[] {
  if (!existsSync(directory)) return [];
  const lines: string[] = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile;
    lines.push(`**${file}** — self time:`);
    for (const hot of hottestFunctions(profile, limit)) {
      lines.push(`- ${hot.selfPercent.toFixed(1)}% \`${hot.name}\` ${hot.location}`);
    }
  }
  return lines;
}
