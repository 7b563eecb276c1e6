// Generates the national dataset's past responses (2019–2024) as JSON lines, a chunk at a time, and prints
// the national figures they give beside the published ones.
//   generate.ts [--responses N] [--seed S] [--out file.ndjson]     (no --out: figures only)
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { demoRegistry } from '@nets/provider-assessment/data-access';
import { PUBLISHED_NATIONAL_FIGURES } from '@nets/survey/domain';
import { EducationAssigner, registryEducationProviders } from './education';
import { NationalFigures } from './national-figures';
import { registryOrganisations } from './organisations';
import { ResponseStream } from './responses';
import { PAST_CYCLES } from './targets';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '2024' },
      out: { type: 'string' },
    },
  });
  const total = Number(values.responses);
  const seed = Number(values.seed);
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) {
    throw new Error('--responses must be a whole number from 1 to 1,000,000');
  }
  const out = values.out ? createWriteStream(values.out) : undefined;
  const stream = new ResponseStream(registryOrganisations(demoRegistry(), seed), {
    total,
    years: PAST_CYCLES,
    seed,
    education: new EducationAssigner(registryEducationProviders(demoRegistry(), seed), seed),
  });
  const figures = new NationalFigures();
  const started = Date.now();
  while (stream.remaining > 0) {
    const lines: string[] = [];
    for (const response of stream.next(2_000)) {
      figures.add(response.year, response.answers);
      if (out) {
        lines.push(
          JSON.stringify({
            key: `nets-demo-${seed}-${String(response.index).padStart(8, '0')}`,
            year: response.year,
            odsCode: response.organisation.odsCode,
            siteCode: response.site === null ? null : response.organisation.sites[response.site].code,
            submittedOn: response.submittedOn,
            profile: response.profile,
            answers: response.answers,
          }),
        );
      }
    }
    if (out && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  if (out) {
    out.end();
    await once(out, 'finish');
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `${total} responses in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s)${out ? `, written to ${values.out}` : ''}\n\n`,
  );
  process.stdout.write('measure                              year  published  generated\n');
  for (const figure of PUBLISHED_NATIONAL_FIGURES) {
    const generated = figures.percent(figure.measureKey, figure.year);
    process.stdout.write(
      `${figure.measureKey.padEnd(36)} ${figure.year}  ${String(figure.percent).padStart(9)}  ${(generated ?? NaN).toFixed(1).padStart(9)}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
