import type { Role } from '@nets/shared/auth';
import type { ConcernSource, ConcernStatus } from '../../__generated__/graphql';

/** The commands the graph offers on a concern, by the address of their form (`/concerns/:id/<command>`). */
export type ConcernCommand =
  | 'triage'
  | 'set-isf-level'
  | 'escalate'
  | 'add-action'
  | 'agree-action-plan'
  | 'start-monitoring'
  | 'post-update'
  | 'propose-resolution'
  | 'confirm-resolution'
  | 'close'
  | 'withdraw'
  | 'share-with-regulators'
  | 'reply-to-learner';

interface CommandRule {
  title: string;
  from: readonly ConcernStatus[];
  roles: readonly Role[];
}

const WORKING: readonly ConcernStatus[] = ['TRIAGED', 'ACTION_PLAN_AGREED', 'MONITORING', 'ESCALATED'];
const OPEN: readonly ConcernStatus[] = ['RAISED', ...WORKING, 'RESOLUTION_PROPOSED'];
const QUALITY_TEAM: readonly Role[] = ['QUALITY_TEAM'];
const PROVIDERS: readonly Role[] = ['PROVIDER_USER', 'EDUCATION_PROVIDER_USER'];

/**
 * Which command the graph accepts from which status and role. The graph exposes no "allowed commands" field,
 * so this mirrors its lifecycle rules (libs/concerns/domain, concern-lifecycle.rules.ts) to offer only what
 * it would accept; the graph still decides, and a refusal is shown as it states it.
 */
export const COMMAND_RULES: Readonly<Record<ConcernCommand, CommandRule>> = {
  triage: { title: 'Triage and grade the concern', from: ['RAISED'], roles: QUALITY_TEAM },
  'set-isf-level': {
    title: 'Set the ISF level',
    from: [...WORKING, 'RESOLUTION_PROPOSED'],
    roles: QUALITY_TEAM,
  },
  escalate: {
    title: 'Escalate on the pathway',
    from: ['TRIAGED', 'ACTION_PLAN_AGREED', 'MONITORING', 'RESOLUTION_PROPOSED', 'ESCALATED'],
    roles: QUALITY_TEAM,
  },
  'add-action': { title: 'Add an action', from: WORKING, roles: QUALITY_TEAM },
  'agree-action-plan': {
    title: 'Agree the action plan',
    from: ['TRIAGED', 'ESCALATED'],
    roles: QUALITY_TEAM,
  },
  'start-monitoring': {
    title: 'Start monitoring',
    from: ['ACTION_PLAN_AGREED', 'ESCALATED'],
    roles: QUALITY_TEAM,
  },
  'post-update': { title: 'Post an update', from: [...WORKING, 'RESOLUTION_PROPOSED'], roles: PROVIDERS },
  'propose-resolution': {
    title: 'Propose a resolution',
    from: ['ACTION_PLAN_AGREED', 'MONITORING', 'ESCALATED'],
    roles: PROVIDERS,
  },
  'confirm-resolution': {
    title: 'Confirm or reject the proposed resolution',
    from: ['RESOLUTION_PROPOSED'],
    roles: QUALITY_TEAM,
  },
  close: { title: 'Close the concern', from: ['RESOLVED'], roles: QUALITY_TEAM },
  withdraw: {
    title: 'Withdraw the concern',
    from: ['RAISED', 'TRIAGED'],
    roles: [...QUALITY_TEAM, ...PROVIDERS],
  },
  'share-with-regulators': {
    title: 'Share with regulators',
    from: [...OPEN, 'RESOLVED'],
    roles: QUALITY_TEAM,
  },
  'reply-to-learner': {
    title: 'Reply to the learner',
    from: [...OPEN, 'RESOLVED', 'CLOSED', 'WITHDRAWN'],
    roles: QUALITY_TEAM,
  },
};

export const isConcernCommand = (value: string): value is ConcernCommand => value in COMMAND_RULES;

interface ConcernState {
  status: ConcernStatus;
  source: ConcernSource;
  escalationStep: number;
}

/** A provider withdraws only what it raised itself; the quality team any concern in the allowed states. */
const raisedBy = (role: Role, source: ConcernSource): boolean =>
  role === 'QUALITY_TEAM' ||
  (role === 'PROVIDER_USER' && source === 'PROVIDER_SELF_REPORT') ||
  (role === 'EDUCATION_PROVIDER_USER' && source === 'EDUCATION_PROVIDER');

/** Whether the page offers `command` to this role on a concern in this state. */
export function isOffered(command: ConcernCommand, concern: ConcernState, role: Role): boolean {
  const rule = COMMAND_RULES[command];
  if (!rule.roles.includes(role) || !rule.from.includes(concern.status)) return false;
  if (command === 'withdraw') return raisedBy(role, concern.source);
  if (command === 'escalate') return concern.escalationStep < 3;
  // Only a learner's serious concern has a follow-up code to reply through.
  if (command === 'reply-to-learner') return concern.source === 'LEARNER_SERIOUS_CONCERN';
  return true;
}

/** The commands offered, in the order the page lists them. */
export function offeredCommands(concern: ConcernState, role: Role): ConcernCommand[] {
  return (Object.keys(COMMAND_RULES) as ConcernCommand[]).filter((command) =>
    isOffered(command, concern, role),
  );
}
