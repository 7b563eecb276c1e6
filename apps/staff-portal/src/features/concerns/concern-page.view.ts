import type { StaffPortalConcernDetailFragment } from '../../__generated__/graphql';
import { REGION_NAMES } from '@nets/shared/auth';
import { textCell, type TableModel } from '../../tables/table-model';
import { COMMANDS, offeredCommands } from './concern-commands';
import {
  ACTION_KIND_WORDS,
  BAND_WORDS,
  CATEGORY_WORDS,
  REGULATOR_WORDS,
  SOURCE_WORDS,
  STATUS_WORDS,
  dateTimeOf,
  dayOf,
  stepWords,
} from './concern-words';

type Concern = StaffPortalConcernDetailFragment;
type SummaryRow = { key: { text: string }; value: { text: string } };

const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });

/** The timeline as a table: the same rows the graph holds, oldest first, so it can be checked and exported. */
export function timelineTable(concern: Pick<Concern, 'timeline'>, id = 'timeline'): TableModel {
  return {
    id,
    caption: 'Timeline: everything that happened, oldest first',
    columns: [
      { key: 'at', header: 'When' },
      { key: 'who', header: 'Who' },
      { key: 'what', header: 'What' },
      { key: 'why', header: 'Why' },
    ],
    rows: concern.timeline.map((entry) => ({
      at: textCell(dateTimeOf(entry.at)),
      who: textCell(`${entry.actor} (${entry.actorRole.toLowerCase().replace(/_/g, ' ')})`),
      what: textCell(entry.detail ? `${entry.what}: ${entry.detail}` : entry.what),
      why: textCell(entry.why ?? ''),
    })),
    emptyText: 'Nothing has happened yet.',
  };
}

function actionsTable(concern: Concern): TableModel {
  return {
    id: 'actions',
    caption: 'Actions',
    columns: [
      { key: 'kind', header: 'Action' },
      { key: 'description', header: 'What and who' },
      { key: 'due', header: 'Due' },
      { key: 'status', header: 'Status' },
    ],
    rows: concern.actions.map((action) => ({
      kind: textCell(ACTION_KIND_WORDS[action.kind]),
      description: textCell(action.description),
      due: textCell(action.dueAt ? dayOf(action.dueAt) : 'No due date'),
      status:
        action.status === 'COMPLETED'
          ? textCell(`Completed${action.completedAt ? ` ${dayOf(action.completedAt)}` : ''}`)
          : action.overdue
            ? { text: 'Overdue', badge: { label: 'Overdue', tone: 'red', shape: '!' } }
            : textCell('Open'),
    })),
    emptyText: 'No actions yet.',
  };
}

/** Provider updates, the proposed resolution and the quality team's decision on it, as the timeline records them. */
const UPDATE_KINDS: readonly string[] = [
  'POST_UPDATE',
  'PROPOSE_RESOLUTION',
  'CONFIRM_RESOLUTION',
  'REJECT_RESOLUTION',
];

/** A concern's page: what the graph shows this user of it, and the commands it offers them now. */
export function concernPageView(concern: Concern) {
  const details: SummaryRow[] = [
    row('Organisation', concern.organisation.name),
    ...(concern.region ? [row('Region', REGION_NAMES[concern.region])] : []),
    row('Status', STATUS_WORDS[concern.status]),
    row('Where it came from', SOURCE_WORDS[concern.source]),
    row('Category', CATEGORY_WORDS[concern.category]),
    row('Description', concern.description),
    row(
      'Standards at risk',
      concern.standardsAtRisk.length ? concern.standardsAtRisk.join(', ') : 'None named',
    ),
    ...(concern.programme ? [row('Programme', concern.programme)] : []),
    ...(concern.learnerGroups.length ? [row('Learner groups', concern.learnerGroups.join(', '))] : []),
    row(
      'Raised',
      concern.source === 'LEARNER_SERIOUS_CONCERN' ? dayOf(concern.raisedAt) : dateTimeOf(concern.raisedAt),
    ),
    row('Next update due', concern.nextUpdateDue ? dayOf(concern.nextUpdateDue) : 'Not set'),
  ];
  const grading: SummaryRow[] = [
    row(
      'Risk',
      concern.risk
        ? `Likelihood ${concern.risk.likelihood} × consequence ${concern.risk.consequence} = ${concern.risk.score} (${BAND_WORDS[concern.risk.band]})`
        : 'Not graded yet',
    ),
    ...(concern.risk?.controls ? [row('Controls in place', concern.risk.controls)] : []),
    row(
      'ISF level',
      concern.isfLevel ? `Level ${concern.isfLevel.level}: ${concern.isfLevel.name}` : 'Not set',
    ),
    ...(concern.isfRationale ? [row('ISF rationale', concern.isfRationale)] : []),
    row('Pathway step', stepWords(concern.escalationStep)),
  ];
  const learner = concern.learnerDetails
    ? [
        row("The learner's account", concern.learnerDetails.text),
        row('Contact name', concern.learnerDetails.contactName ?? 'Not given'),
        row('Contact email', concern.learnerDetails.contactEmail ?? 'Not given'),
        row('Contact phone', concern.learnerDetails.contactPhone ?? 'Not given'),
      ]
    : null;
  return {
    concern,
    details,
    grading,
    learner,
    statusText: STATUS_WORDS[concern.status],
    overdue: concern.overdue,
    isfReviewProposed: concern.isfReviewProposed,
    actions: actionsTable(concern),
    updates: concern.timeline
      .filter((entry) => UPDATE_KINDS.includes(entry.kind))
      .map((entry) => ({
        at: dateTimeOf(entry.at),
        who: entry.actor,
        what: entry.what,
        why: entry.why,
      })),
    shares: concern.regulatorShares.map((share) => ({
      regulators: share.regulators.map((r) => REGULATOR_WORDS[r]).join(', '),
      summary: share.summary,
      by: `${share.sharedBy} (${share.sharedByRole.toLowerCase().replace(/_/g, ' ')})`,
      at: dateTimeOf(share.sharedAt),
    })),
    replies: concern.timeline
      .filter((entry) => entry.kind === 'REPLY_TO_LEARNER' && entry.detail !== null)
      .map((entry) => ({ at: dateTimeOf(entry.at), who: entry.actor, text: entry.detail ?? '' })),
    commands: offeredCommands(concern).map((command) => ({
      href: `/concerns/${concern.id}/${command}`,
      text: COMMANDS[command].title,
    })),
    timeline: timelineTable(concern),
  };
}
