// `npm run attack:demo`: the independent LP / ILP attacker against the whole demo dataset (tools/dataset:
// every cycle, every measure and reason series), reading as a national analyst, the quality team of one
// region and the provider users of one organisation, what the engine publishes (./demo-publication).
// Prints per role and year: withheld cells attacked, breaches of the protection width, determined answers,
// pinned positives of small cells (each split into the engine's listed inherent cells and the rest), time.
//   npm run attack:demo -- [--years 2019,2024] [--series bullying-experienced,reason:] [--roles provider,quality,national]
//     [--region <region>] [--organisation <ods>] [--lp] [--workers 2] [--responses 4200] [--seed 2024]
import { parseArgs } from 'node:util';
import { PAST_CYCLES } from '../dataset/targets';
import { demoCounters } from './demo-counters';
import { publishCycle, type PublishedSeries } from './demo-publication';
import { attackFast, type FastAttackReport } from './fast-attacker';
import type { AttackHierarchy } from './lp-attacker';
import { everythingWithheld, knowledgeOf, type Role } from './thin-populations';

const PROTECTION_WIDTH = 3;

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '4200' },
    seed: { type: 'string', default: '2024' },
    years: { type: 'string' },
    series: { type: 'string' },
    roles: { type: 'string', default: 'provider,quality,national' },
    region: { type: 'string' },
    organisation: { type: 'string' },
    lp: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
  },
});

interface Tally {
  patterns: number;
  withheld: number;
  width: number;
  widthInherent: number;
  answers: number;
  answersInherent: number;
  pinned: number;
  pinnedInherent: number;
  solves: number;
  witnessed: number;
  failures: number;
  seconds: number;
}

const empty = (): Tally => ({
  patterns: 0,
  withheld: 0,
  width: 0,
  widthInherent: 0,
  answers: 0,
  answersInherent: 0,
  pinned: 0,
  pinnedInherent: 0,
  solves: 0,
  witnessed: 0,
  failures: 0,
  seconds: 0,
});

async function main(): Promise<void> {
  const started = Date.now();
  const demo = demoCounters({ responses: Number(values.responses), seed: Number(values.seed) });
  const [fromYear, toYear] = (values.years ?? `${PAST_CYCLES[0]},${PAST_CYCLES[PAST_CYCLES.length - 1]}`)
    .split(',')
    .map(Number);
  const wanted = (values.series ?? '').split(',').filter((s) => s.length > 0);
  const seriesWanted = (series: string) => wanted.length === 0 || wanted.some((w) => series.startsWith(w));
  const roles = rolesOf(demo.hierarchy, demo.counters);
  const chosen = new Set((values.roles ?? '').split(','));
  const options = {
    protectionWidth: PROTECTION_WIDTH,
    integer: !values.lp,
    workers: Number(values.workers),
  };
  process.stdout.write(
    `attacker: ${options.integer ? 'ILP' : 'LP'}, ${options.workers} workers; roles: ${roles
      .filter((r) => chosen.has(r.name))
      .map((r) => r.label)
      .join('; ')}\n`,
  );
  const totals = new Map<string, Tally>();
  const findings: string[] = [];
  for (const [year, bySeries] of [...demo.counters].sort((a, b) => a[0] - b[0])) {
    if (year < fromYear || year > toYear) continue;
    const published = publishCycle(bySeries, demo.definitions, demo.hierarchy);
    for (const name of chosen) {
      const role = roles.find((r) => r.name === name);
      if (!role) continue;
      const tally = empty();
      const roleStarted = Date.now();
      for (const [series, publication] of published) {
        if (!seriesWanted(series)) continue;
        tally.patterns += 1;
        const patternStarted = Date.now();
        try {
          // A follow-up's withheld cells include those where nobody was asked it (inherited): ≥ 0, not ≥ 1.
          const followUp = demo.definitions.some((d) => d.series === series && d.parentSeries !== undefined);
          const report = await attackFast(
            { ...knowledgeOf(role.role, publication.seen, demo.hierarchy), withheldMayBeEmpty: followUp },
            demo.hierarchy,
            options,
          );
          const judged = await judge(report, publication, role.role, demo.hierarchy, {
            ...options,
            followUp,
          });
          tally.withheld += report.verdicts.length;
          tally.solves += report.statistics.solves;
          tally.witnessed += report.statistics.settledByWitness;
          tally.width += judged.width.length;
          tally.widthInherent += judged.widthInherent;
          tally.answers += judged.answers.length;
          tally.answersInherent += judged.answersInherent;
          tally.pinned += judged.pinned.length;
          tally.pinnedInherent += judged.pinnedInherent;
          process.stdout.write(
            `  ${year} ${role.name} ${series}: ${report.verdicts.length} withheld, width ${judged.width.length} ` +
              `(+${judged.widthInherent}), answers ${judged.answers.length} (+${judged.answersInherent}), pinned ` +
              `${judged.pinned.length} (+${judged.pinnedInherent}), ${report.statistics.solves} solves, ` +
              `${((Date.now() - patternStarted) / 1000).toFixed(0)} s\n`,
          );
          for (const [kind, keys] of [
            ['width', judged.width],
            ['answers', judged.answers],
            ['pinned', judged.pinned],
          ] as const) {
            for (const key of keys) {
              const v = report.verdicts.find((x) => x.key === key);
              findings.push(
                `${year} ${series} ${role.name} ${kind} ${key} n ${v?.respondents.join('..')} k ${v?.positives.join('..')} negatives ≤ ${v?.maxNegatives}`,
              );
            }
          }
        } catch (error) {
          tally.failures += 1;
          findings.push(
            `${year} ${series} ${role.name} FAILED ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      tally.seconds = (Date.now() - roleStarted) / 1000;
      process.stdout.write(`${line(`${year} ${role.name}`, tally)}\n`);
      const total = totals.get(role.name) ?? empty();
      for (const field of Object.keys(tally) as (keyof Tally)[]) total[field] += tally[field];
      totals.set(role.name, total);
    }
  }
  for (const [name, tally] of totals) process.stdout.write(`${line(`all ${name}`, tally)}\n`);
  process.stdout.write(findings.length === 0 ? 'no avoidable breach\n' : `${findings.join('\n')}\n`);
  process.stdout.write(`total ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

function line(label: string, t: Tally): string {
  return (
    `${label}: ${t.patterns} patterns, ${t.withheld} withheld cells attacked, width < ${PROTECTION_WIDTH}: ` +
    `${t.width} (+${t.widthInherent} inherent), determined answers: ${t.answers} ` +
    `(+${t.answersInherent} inherent), pinned small positives: ${t.pinned} (+${t.pinnedInherent} inherent), ` +
    `failures ${t.failures}, ${t.solves} solves, ${t.witnessed} settled by witnesses, ${t.seconds.toFixed(0)} s`
  );
}

/**
 * Splits the report's breaches into the inherent ones (the engine lists the cell as an inherent count
 * disclosure, or the same attacker finds the same breach with every non-empty cell but the national one
 * withheld, so no pattern could avoid it) and the rest. Pinned positives count for cells below the minimum.
 */
async function judge(
  report: FastAttackReport,
  publication: PublishedSeries,
  role: Role,
  hierarchy: AttackHierarchy,
  options: { protectionWidth: number; integer: boolean; workers: number; followUp: boolean },
) {
  const pinnedSmall = report.pinnedPositives.filter((key) => publication.small.has(key));
  const suspects = new Set(
    [...report.widthBreaks, ...report.determinedAnswers, ...pinnedSmall].filter(
      (k) => !publication.inherent.has(k),
    ),
  );
  let best: FastAttackReport | undefined;
  if (suspects.size > 0) {
    const knowledge = knowledgeOf(role, everythingWithheld(publication.seen), hierarchy);
    best = await attackFast({ ...knowledge, withheldMayBeEmpty: options.followUp }, hierarchy, {
      ...options,
      only: suspects,
    });
  }
  const inherent = (pick: (r: FastAttackReport) => readonly string[]) => {
    const unavoidable = new Set(best ? pick(best) : []);
    return (key: string) => publication.inherent.has(key) || unavoidable.has(key);
  };
  const split = (keys: readonly string[], isInherent: (key: string) => boolean) => ({
    avoidable: keys.filter((k) => !isInherent(k)),
    inherent: keys.filter(isInherent).length,
  });
  const width = split(
    report.widthBreaks,
    inherent((r) => r.widthBreaks),
  );
  const answers = split(
    report.determinedAnswers,
    inherent((r) => r.determinedAnswers),
  );
  const pinned = split(
    pinnedSmall,
    inherent((r) => r.pinnedPositives),
  );
  return {
    width: width.avoidable,
    widthInherent: width.inherent,
    answers: answers.avoidable,
    answersInherent: answers.inherent,
    pinned: pinned.avoidable,
    pinnedInherent: pinned.inherent,
  };
}

interface NamedRole {
  readonly name: string;
  readonly label: string;
  readonly role: Role;
}

/** The national analyst; the quality team of the region, and the organisation, with the most respondents. */
function rolesOf(
  hierarchy: AttackHierarchy,
  counters: ReturnType<typeof demoCounters>['counters'],
): NamedRole[] {
  const byOrganisation = new Map<string, number>();
  for (const bySeries of counters.values()) {
    for (const f of bySeries.get('responses') ?? [...bySeries.values()][0] ?? []) {
      byOrganisation.set(f.organisationId, (byOrganisation.get(f.organisationId) ?? 0) + f.respondents);
    }
  }
  const byRegion = new Map<string, number>();
  for (const [o, n] of byOrganisation) {
    const r = hierarchy.regionOf.get(o) as string;
    byRegion.set(r, (byRegion.get(r) ?? 0) + n);
  }
  const top = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const region = values.region ?? top(byRegion);
  const organisationId = values.organisation ?? top(byOrganisation);
  return [
    { name: 'national', label: 'NATIONAL_ANALYST', role: { kind: 'NATIONAL_ANALYST' } },
    { name: 'quality', label: `QUALITY_TEAM of ${region}`, role: { kind: 'QUALITY_TEAM', region } },
    {
      name: 'provider',
      label: `PROVIDER_USER of ${organisationId}`,
      role: { kind: 'PROVIDER', organisationId },
    },
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
