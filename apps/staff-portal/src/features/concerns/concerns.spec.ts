import { concernFixture } from './__fixtures__/concern.fixture';
import { tableRows } from '../../tables/table-model';
import { parseCommand, commandFields } from './concern-command-forms';
import { isOffered, offeredCommands } from './concern-commands';
import { readSeenState } from '../../views/seen-state';
import { changesSince } from './concern-conflict.view';
import { graphFilter, listHref, readListAddress } from './concern-list.filters';
import { concernPageView } from './concern-page.view';
import { concernsDashboardView, countSteps } from './concerns-dashboard.view';
import { bandOfScore, riskMatrixView } from './risk-matrix';

const concern = concernFixture;
const levels = [
  { level: 1, name: 'Routine', description: 'Business as usual', reviewIntervalDays: 90 },
  { level: 2, name: 'Enhanced', description: 'Closer monitoring', reviewIntervalDays: 30 },
];
const NOW = new Date('2026-12-07T12:00:00Z');

describe('commands offered on a concern', () => {
  it('offers the forms of the commands the graph says the user may use now, in the page order', () => {
    expect(offeredCommands(concern())).toEqual(['triage', 'withdraw', 'share-with-regulators']);
    expect(offeredCommands(concern({ availableCommands: [] }))).toEqual([]);
    expect(offeredCommands(concern({ availableCommands: ['PROPOSE_RESOLUTION', 'POST_UPDATE'] }))).toEqual([
      'post-update',
      'propose-resolution',
    ]);
  });

  it('offers the one resolution form for either confirming or rejecting', () => {
    expect(offeredCommands(concern({ availableCommands: ['REJECT_RESOLUTION'] }))).toEqual([
      'confirm-resolution',
    ]);
    expect(isOffered('confirm-resolution', concern({ availableCommands: ['CONFIRM_RESOLUTION'] }))).toBe(
      true,
    );
    expect(isOffered('escalate', concern())).toBe(false);
  });
});

describe('command forms', () => {
  it('reads a triage with its risk cell, standards and reason', () => {
    const { request, errors } = parseCommand(
      'triage',
      {
        category: 'SUPERVISION',
        standardsAtRisk: '2.1, 3.4,2.1',
        risk: '4-3',
        controls: '',
        reason: 'Seen twice',
      },
      concern(),
      levels,
    );
    expect(errors).toEqual([]);
    expect(request).toEqual({
      command: 'triage',
      input: {
        category: 'SUPERVISION',
        standardsAtRisk: ['2.1', '3.4'],
        risk: { likelihood: 4, consequence: 3, controls: null },
        summary: null,
        reason: 'Seen twice',
      },
    });
  });

  it('names every mistake against its field and sends nothing', () => {
    const { request, errors } = parseCommand(
      'triage',
      { category: 'NOPE', standardsAtRisk: '7.1', risk: '6-1', reason: ' ' },
      concern(),
      levels,
    );
    expect(request).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['category', 'standardsAtRisk', 'risk', 'reason']);
  });

  it('reads an action with a due date as the end of that day, and refuses a past or impossible one', () => {
    const working = concern({ status: 'TRIAGED' });
    const form = {
      kind: 'PROGRAMME_REVIEW',
      description: 'Review rota',
      'dueAt-day': '15',
      'dueAt-month': '1',
      'dueAt-year': '2027',
    };
    expect(parseCommand('add-action', form, working, levels, NOW).request).toEqual({
      command: 'add-action',
      input: { kind: 'PROGRAMME_REVIEW', description: 'Review rota', dueAt: '2027-01-15T23:59:59.000Z' },
    });
    expect(
      parseCommand('add-action', { ...form, 'dueAt-year': '2025' }, working, levels, NOW).errors,
    ).toEqual([{ field: 'dueAt-day', message: 'The due date must be in the future' }]);
    expect(
      parseCommand('add-action', { ...form, 'dueAt-day': '31', 'dueAt-month': '2' }, working, levels, NOW)
        .errors,
    ).toEqual([{ field: 'dueAt-day', message: 'The due date must be a real date' }]);
  });

  it('offers only steps above the current one, and ISF levels as configured', () => {
    const escalated = concern({ status: 'TRIAGED', escalationStep: 1 });
    const [steps] = commandFields('escalate', escalated, levels);
    expect(steps?.kind === 'radios' && steps.options.map((o) => o.value)).toEqual(['2', '3']);
    expect(parseCommand('escalate', { toStep: '1', reason: 'x' }, escalated, levels).errors[0]?.field).toBe(
      'toStep',
    );
    expect(
      parseCommand('set-isf-level', { level: '2', rationale: 'Two red flags' }, escalated, levels).request,
    ).toEqual({
      command: 'set-isf-level',
      level: 2,
      rationale: 'Two red flags',
    });
  });

  it('ties a completing update to one of the open actions', () => {
    const withAction = concern({
      status: 'MONITORING',
      actions: [
        {
          id: 'a1',
          kind: 'PROGRAMME_REVIEW',
          description: 'Review',
          dueAt: null,
          status: 'OPEN',
          overdue: false,
          createdAt: '2026-11-03T10:00:00.000Z',
          completedAt: null,
        },
      ],
    });
    expect(
      parseCommand('post-update', { text: 'Done', completesAction: 'yes' }, withAction, levels).errors,
    ).toEqual([{ field: 'actionId', message: 'Select the action this update completes' }]);
    expect(
      parseCommand(
        'post-update',
        { text: 'Done', actionId: 'a1', completesAction: 'yes' },
        withAction,
        levels,
      ).request,
    ).toEqual({ command: 'post-update', input: { text: 'Done', actionId: 'a1', completesAction: true } });
  });

  it('shares with at least one known regulator', () => {
    expect(parseCommand('share-with-regulators', { summary: 'x' }, concern(), levels).errors[0]?.field).toBe(
      'regulators',
    );
    expect(
      parseCommand(
        'share-with-regulators',
        { regulators: ['CQC', 'GMC'], summary: 'Told both' },
        concern(),
        levels,
      ).request,
    ).toEqual({ command: 'share-with-regulators', regulators: ['CQC', 'GMC'], summary: 'Told both' });
  });
});

describe('the risk matrix', () => {
  it('scores likelihood × consequence into the NHS bands', () => {
    expect([1, 3, 4, 6, 8, 12, 15, 25].map(bandOfScore)).toEqual([
      'LOW',
      'LOW',
      'MODERATE',
      'MODERATE',
      'HIGH',
      'HIGH',
      'EXTREME',
      'EXTREME',
    ]);
    const matrix = riskMatrixView({ likelihood: 4, consequence: 5 });
    expect(matrix.rows.map((r) => r.likelihood)).toEqual([5, 4, 3, 2, 1]);
    expect(matrix.rows[1]?.cells.filter((c) => c.selected)).toEqual([
      { likelihood: 4, consequence: 5, score: 20, band: 'EXTREME', bandText: 'Extreme', selected: true },
    ]);
    expect(matrix.chosen).toEqual({ score: 20, band: 'Extreme' });
  });
});

describe('a conflicting edit', () => {
  it('shows the timeline entries added since the form was opened', () => {
    const now = concern({
      version: 4,
      status: 'TRIAGED',
      timeline: [
        ...concern().timeline,
        {
          id: '2',
          at: '2026-11-05T14:00:00.000Z',
          actor: 'Quinn Quality',
          actorRole: 'QUALITY_TEAM',
          kind: 'TRIAGE',
          what: 'Triaged',
          why: 'Clear supervision gap',
          detail: null,
          actionId: null,
        },
      ],
    });
    const seen = readSeenState({ expectedVersion: '3', seenTimeline: '1' });
    expect(seen).toEqual({ version: 3, timelineLength: 1 });
    expect(changesSince(seen!, now)).toEqual({
      status: 'Triaged',
      entries: [
        {
          at: '5 November 2026 at 14:00',
          who: 'Quinn Quality (quality team)',
          what: 'Triaged',
          why: 'Clear supervision gap',
        },
      ],
    });
    expect(readSeenState({ expectedVersion: 'x', seenTimeline: '1' })).toBeNull();
  });
});

describe('the list and the dashboard', () => {
  it('keeps the filters in the address and refuses bad values', () => {
    const { address, errors } = readListAddress({
      status: 'TRIAGED',
      isf: '2',
      overdue: 'yes',
      category: 'BAD',
    });
    expect(errors).toEqual([{ field: 'category', message: 'Choose a category from the list' }]);
    expect(graphFilter(address)).toEqual({ status: 'TRIAGED', isfLevel: 2, overdue: true });
    expect(listHref(address)).toBe('/concerns/list?status=TRIAGED&isf=2&overdue=yes');
  });

  it('links each count to the list filtered to it, for the quality team only', () => {
    const dashboard = {
      region: 'LONDON' as const,
      total: 5,
      byStatus: [
        { key: 'RAISED', count: 2 },
        { key: 'TRIAGED', count: 3 },
      ],
      byIsfLevel: [
        { key: 'NONE', count: 4 },
        { key: '2', count: 1 },
      ],
      byCategory: [{ key: 'SUPERVISION', count: 5 }],
      overdueConcerns: 1,
      overdueActions: 2,
      medianDaysToResolution: null,
    };
    const steps = {
      counts: countSteps([{ escalationStep: 2 }, { escalationStep: 1 }, { escalationStep: 2 }]),
      covered: 3,
    };
    const view = concernsDashboardView(dashboard, steps, true);
    const [byStatus, byIsf, , bySteps] = view.tables;
    expect(tableRows(byStatus)).toEqual([
      ['Status', 'Concerns'],
      ['Raised, waiting for triage', 2],
      ['Triaged', 3],
    ]);
    expect(byStatus.rows[1]?.['what']?.href).toBe('/concerns/list?status=TRIAGED');
    expect(byIsf.rows.map((r) => r['what']?.href)).toEqual([undefined, '/concerns/list?isf=2']);
    expect(tableRows(bySteps).slice(1)).toEqual([
      ['Step 1: the local placement', 1],
      ['Step 2: the education provider or programme', 2],
    ]);
    expect(view.overdueHref).toBe('/concerns/list?overdue=yes');
    expect(view.medianDaysText).toBe('No concern resolved yet');
    const calm = concernsDashboardView(
      { ...dashboard, overdueConcerns: 0, medianDaysToResolution: 12.4 },
      steps,
      true,
    );
    expect(calm.overdueHref).toBeUndefined();
    expect(calm.medianDaysText).toBe('12 days');
    expect(concernsDashboardView(dashboard, null, false).tables[0]?.rows[0]?.['what']?.href).toBeUndefined();
  });
});

describe("a concern's page", () => {
  it('shows overdue actions in words and the timeline as the graph holds it', () => {
    const view = concernPageView(
      concern({
        availableCommands: ['ESCALATE', 'ADD_ACTION'],
        status: 'MONITORING',
        actions: [
          {
            id: 'a1',
            kind: 'URGENT_RISK_REVIEW',
            description: 'Review',
            dueAt: '2026-11-20T23:59:59.000Z',
            status: 'OPEN',
            overdue: true,
            createdAt: '2026-11-03T10:00:00.000Z',
            completedAt: null,
          },
        ],
      }),
    );
    expect(tableRows(view.actions)[1]).toEqual([
      'Urgent risk review',
      'Review',
      '20 November 2026',
      'Overdue',
    ]);
    expect(tableRows(view.timeline)).toEqual([
      ['When', 'Who', 'What', 'Why'],
      ['2 November 2026 at 09:15', 'analytics (service)', 'Opened from a red flag', ''],
    ]);
    expect(view.commands.map((c) => c.href)).toContain(
      '/concerns/6f1c2f55-5c1e-4f4e-9d64-1c5a3c0f0a11/escalate',
    );
  });
});
