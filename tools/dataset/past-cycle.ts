import type { PlatformClient } from '@nets/shared/testing';

/**
 * A past cycle's published questionnaire id, back-filling the cycle first (`importSurveyCycle`: recorded
 * closed, with the default questionnaire) if the survey service does not know it.
 */
export async function pastCycle(
  admin: PlatformClient,
  year: number,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const { surveyCycle } = await admin.call<{
    surveyCycle: { questionnaire: { id: string } | null } | null;
  }>(`query($year: Int!) { surveyCycle(year: $year) { questionnaire { id } } }`, { year });
  if (surveyCycle?.questionnaire) return surveyCycle.questionnaire.id;
  if (surveyCycle) throw new Error(`the ${year} cycle exists without a published questionnaire`);
  const { importSurveyCycle } = await admin.call<{ importSurveyCycle: { questionnaire: { id: string } } }>(
    `mutation($input: ImportSurveyCycleInput!) { importSurveyCycle(input: $input) { questionnaire { id } } }`,
    {
      input: {
        year,
        name: `NETS ${year}`,
        opensAt: `${year}-02-01T09:00:00.000Z`,
        closesAt: `${year}-04-30T23:00:00.000Z`,
      },
    },
  );
  log(`${year} cycle back-filled (imported, closed)`);
  return importSurveyCycle.questionnaire.id;
}
