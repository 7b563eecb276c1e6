import type {
  StaffPortalAdminCycleQuery,
  StaffPortalAdminCyclesQuery,
  StaffPortalAdminOrganisationQuery,
  StaffPortalAdminOrganisationsQuery,
  StaffPortalAdminQuestionnaireQuery,
  StaffPortalImportOrganisationsMutation,
  StaffPortalAdminReleaseFragment,
} from '../../__generated__/graphql';
import { numberCell, textCell, type TableModel } from '../../tables/table-model';
import {
  CYCLE_STATUS_WORDS,
  dateTimeOf,
  dayOf,
  kindWords,
  ORGANISATION_STATUS_WORDS,
  QUESTION_TYPE_WORDS,
  regionWords,
  roleWords,
} from './administration-words';

export type AdminCycle = NonNullable<StaffPortalAdminCycleQuery['surveyCycle']>;
export type AdminQuestionnaire = NonNullable<StaffPortalAdminQuestionnaireQuery['questionnaire']>;
export type AdminOrganisation = NonNullable<StaffPortalAdminOrganisationQuery['organisation']>;
export type ImportReport = StaffPortalImportOrganisationsMutation['importOrganisations'];

/** Analytics' count as it gives it: below 3 it withholds the number, and says so. */
export const respondentsWords = (release: StaffPortalAdminReleaseFragment): string =>
  release.respondents === null ? 'Fewer than 3 (withheld)' : release.respondents.toLocaleString('en-GB');

export const releaseWords = (release: StaffPortalAdminReleaseFragment): string =>
  release.status === 'RELEASED' && release.releasedAt
    ? `Released ${dateTimeOf(release.releasedAt)}`
    : 'Not released';

export function cyclesTable(cycles: StaffPortalAdminCyclesQuery['surveyCycles']): TableModel {
  return {
    id: 'cycles',
    caption: 'Survey cycles, newest first',
    columns: [
      { key: 'year', header: 'Year' },
      { key: 'name', header: 'Name' },
      { key: 'status', header: 'Status' },
      { key: 'dates', header: 'Runs' },
      { key: 'results', header: 'Results' },
      { key: 'respondents', header: 'Respondents counted', numeric: true },
    ],
    rows: [...cycles]
      .sort((a, b) => b.year - a.year)
      .map((cycle) => ({
        year: textCell(String(cycle.year), `/administration/cycles/${cycle.year}`),
        name: textCell(cycle.name + (cycle.imported ? ' (imported)' : '')),
        status: textCell(CYCLE_STATUS_WORDS[cycle.status]),
        dates: textCell(`${dayOf(cycle.opensAt)} to ${dayOf(cycle.closesAt)}`),
        results: textCell(releaseWords(cycle.resultsRelease)),
        respondents:
          cycle.resultsRelease.respondents === null
            ? { text: 'Fewer than 3 (withheld)', value: null, withheld: true }
            : numberCell(cycle.resultsRelease.respondents),
      })),
    emptyText: 'There are no survey cycles yet.',
  };
}

/** What an administrator may ask of the cycle now; the graph still refuses what its rules do not allow. */
export interface CycleActions {
  startDraft: boolean;
  publish: boolean;
  open: boolean;
  reopen: boolean;
  close: boolean;
  release: boolean;
}

export function cycleActions(cycle: AdminCycle): CycleActions {
  const hasDraft = cycle.questionnaires.some((q) => q.status === 'DRAFT');
  const released = cycle.resultsRelease.status === 'RELEASED';
  return {
    startDraft: !hasDraft && cycle.status !== 'CLOSED',
    publish: hasDraft && cycle.status !== 'CLOSED',
    open: cycle.status === 'DRAFT',
    reopen: cycle.status === 'CLOSED' && !released,
    close: cycle.status === 'OPEN',
    release: cycle.status === 'CLOSED' && !released,
  };
}

export interface CycleView {
  summary: Array<{ key: string; value: string }>;
  release: Array<{ key: string; value: string }>;
  questionnaires: TableModel;
  overrides: TableModel;
  actions: CycleActions;
}

export function cycleView(cycle: AdminCycle): CycleView {
  const summary = [
    { key: 'Name', value: cycle.name },
    { key: 'Status', value: CYCLE_STATUS_WORDS[cycle.status] },
    { key: 'Opens', value: dateTimeOf(cycle.opensAt) },
    { key: 'Closes', value: dateTimeOf(cycle.closesAt) },
    { key: 'Opened', value: cycle.openedAt ? dateTimeOf(cycle.openedAt) : 'Not yet' },
    { key: 'Closed', value: cycle.closedAt ? dateTimeOf(cycle.closedAt) : 'Not yet' },
    {
      key: 'Learners answer',
      value: cycle.questionnaire?.version
        ? `Questionnaire version ${cycle.questionnaire.version}`
        : 'No published questionnaire yet',
    },
  ];
  const release = [
    { key: 'Results', value: releaseWords(cycle.resultsRelease) },
    {
      key:
        cycle.resultsRelease.status === 'RELEASED'
          ? 'Respondents released'
          : 'Respondents counted by analytics',
      value: respondentsWords(cycle.resultsRelease),
    },
    { key: 'Late responses', value: cycle.resultsRelease.lateResponses.toLocaleString('en-GB') },
  ];
  const questionnaires: TableModel = {
    id: 'questionnaires',
    caption: `Questionnaire draft and versions of the ${cycle.year} cycle`,
    columns: [
      { key: 'version', header: 'Version' },
      { key: 'title', header: 'Title' },
      { key: 'status', header: 'Status' },
      { key: 'questions', header: 'Questions', numeric: true },
    ],
    rows: [...cycle.questionnaires]
      .sort((a, b) => (b.version ?? Number.MAX_SAFE_INTEGER) - (a.version ?? Number.MAX_SAFE_INTEGER))
      .map((q) => ({
        version: textCell(
          q.version ? `Version ${q.version}` : 'Draft',
          `/administration/questionnaires/${q.id}`,
        ),
        title: textCell(q.title),
        status: textCell(
          q.status === 'PUBLISHED' && q.publishedAt ? `Published ${dateTimeOf(q.publishedAt)}` : 'Draft',
        ),
        questions: numberCell(q.sections.reduce((sum, s) => sum + s.questions.length, 0)),
      })),
    emptyText: 'This cycle has no questionnaire yet: start a draft below.',
  };
  const overrides: TableModel = {
    id: 'overrides',
    caption: 'Administrator overrides of the cycle rules',
    columns: [
      { key: 'when', header: 'When' },
      { key: 'action', header: 'Action' },
      { key: 'reason', header: 'Reason' },
      { key: 'actor', header: 'By' },
    ],
    rows: cycle.overrides.map((o) => ({
      when: textCell(dateTimeOf(o.recordedAt)),
      action: textCell(o.action),
      reason: textCell(o.reason),
      actor: textCell(o.actor),
    })),
    emptyText: 'No overrides have been recorded.',
  };
  return { summary, release, questionnaires, overrides, actions: cycleActions(cycle) };
}

export function questionnaireTables(questionnaire: AdminQuestionnaire): TableModel[] {
  return questionnaire.sections.map((section, index) => ({
    id: `section-${index + 1}`,
    caption: `Section ${index + 1}: ${section.title}`,
    columns: [
      { key: 'code', header: 'Code' },
      { key: 'text', header: 'Question' },
      { key: 'type', header: 'Answer' },
      { key: 'options', header: 'Options' },
      { key: 'shown', header: 'Shown' },
      { key: 'counts', header: 'Counts towards' },
    ],
    rows: section.questions.map((q) => ({
      code: textCell(q.code),
      text: textCell(q.text + (q.required ? '' : ' (optional)')),
      type: textCell(QUESTION_TYPE_WORDS[q.type]),
      options: textCell(q.options.map((o) => o.label).join('; ') || '–'),
      shown: textCell(
        q.condition ? `When ${q.condition.questionCode} is ${q.condition.anyOf.join(' or ')}` : 'Always',
      ),
      counts: textCell(
        [
          q.measureKey ? `measure ${q.measureKey}` : '',
          q.standardCodes.length ? `standards ${q.standardCodes.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ') || '–',
      ),
    })),
    emptyText: 'This section has no questions.',
  }));
}

export function organisationsTable(
  connection: StaffPortalAdminOrganisationsQuery['organisations'],
): TableModel {
  return {
    id: 'organisations',
    caption: 'Organisations found',
    columns: [
      { key: 'code', header: 'ODS code' },
      { key: 'name', header: 'Name' },
      { key: 'kind', header: 'Kind' },
      { key: 'region', header: 'Region' },
      { key: 'status', header: 'Status' },
    ],
    rows: connection.edges.map(({ node }) => ({
      code: textCell(node.odsCode, `/administration/organisations/${node.id}`),
      name: textCell(node.name),
      kind: textCell(kindWords(node.kind)),
      region: textCell(regionWords(node.region)),
      status: textCell(ORGANISATION_STATUS_WORDS[node.status]),
    })),
    emptyText: 'No organisation matches: change the search or the filters.',
  };
}

export function organisationView(organisation: AdminOrganisation) {
  const summary = [
    { key: 'ODS code', value: organisation.odsCode },
    { key: 'Kind', value: kindWords(organisation.kind) },
    { key: 'Provides', value: organisation.roles.map(roleWords).join(' and ') },
    { key: 'Region', value: regionWords(organisation.region) },
    { key: 'Status', value: ORGANISATION_STATUS_WORDS[organisation.status] },
  ];
  if (organisation.successor)
    summary.push({
      key: 'Merged into',
      value: `${organisation.successor.name} (${organisation.successor.odsCode})`,
    });
  const sites: TableModel = {
    id: 'sites',
    caption: 'Sites',
    columns: [
      { key: 'code', header: 'Site code' },
      { key: 'name', header: 'Name' },
    ],
    rows: organisation.sites.map((site) => ({ code: textCell(site.code), name: textCell(site.name) })),
    emptyText: 'No sites are registered.',
  };
  return { summary, sites };
}

/** One line of an ODS-style CSV, split on commas outside double quotes ("" is a quote). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * The preview of an import: the graph's dry-run counts, every rejected row with the graph's reasons, and
 * every row as read, marked with what the dry run says of it. Nothing here decides validity: the graph does.
 */
export function importPreview(csv: string, report: ImportReport) {
  const rejectedByLine = new Map(report.rejected.map((r) => [r.line, r]));
  const lines = csv.replace(/\r\n?/g, '\n').split('\n');
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const at = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
  const rows = lines.slice(1).flatMap((line, index) => {
    if (!line.trim()) return [];
    const cells = splitCsvLine(line);
    const lineNumber = index + 2;
    const rejection = rejectedByLine.get(lineNumber);
    return [
      {
        line: numberCell(lineNumber),
        code: textCell(at(cells, 'code')),
        name: textCell(at(cells, 'name')),
        what: textCell(at(cells, 'parent_code') ? `Site of ${at(cells, 'parent_code')}` : 'Organisation'),
        region: textCell(at(cells, 'region') || '–'),
        outcome: textCell(rejection ? `Rejected: ${rejection.reasons.join('; ')}` : 'Accepted'),
      },
    ];
  });
  const counts: TableModel = {
    id: 'import-counts',
    caption: report.committed ? 'What the import changed' : 'What the import would change',
    columns: [
      { key: 'what', header: 'Outcome' },
      { key: 'count', header: 'Rows', numeric: true },
    ],
    rows: [
      { what: textCell('Organisations registered'), count: numberCell(report.registered) },
      { what: textCell('Organisations updated'), count: numberCell(report.updated) },
      { what: textCell('Unchanged'), count: numberCell(report.unchanged) },
      { what: textCell('Rows rejected'), count: numberCell(report.rejected.length) },
    ],
  };
  const rejected: TableModel = {
    id: 'import-rejected',
    caption: 'Rejected rows and why',
    columns: [
      { key: 'line', header: 'Line', numeric: true },
      { key: 'code', header: 'Code' },
      { key: 'reasons', header: 'Why it is rejected' },
    ],
    rows: report.rejected.map((r) => ({
      line: numberCell(r.line),
      code: textCell(r.code ?? '–'),
      reasons: textCell(r.reasons.join('; ')),
    })),
    emptyText: 'No row is rejected.',
  };
  const read: TableModel = {
    id: 'import-rows',
    caption: 'Every row of the file',
    columns: [
      { key: 'line', header: 'Line', numeric: true },
      { key: 'code', header: 'Code' },
      { key: 'name', header: 'Name' },
      { key: 'what', header: 'Row' },
      { key: 'region', header: 'Region' },
      { key: 'outcome', header: 'Outcome' },
    ],
    rows,
    emptyText: 'The file has no rows under its header.',
  };
  return { counts, rejected, read, canApply: report.rejected.length === 0 && rows.length > 0 };
}

/** Key–value pairs as nhsuk-frontend's summary list takes them. */
export const summaryRows = (pairs: ReadonlyArray<{ key: string; value: string }>) =>
  pairs.map((pair) => ({ key: { text: pair.key }, value: { text: pair.value } }));
