import type { ConcernCommand as GraphCommand } from '../../__generated__/graphql';

/** The commands the portal has a form for, by the address of their form (`/concerns/:id/<command>`). */
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

/**
 * Each form's title and the graph's commands it carries out. Whether a form is offered is the graph's answer
 * (`Concern.availableCommands`, for the signed-in role and the concern's state): the portal keeps no copy of
 * the lifecycle rules. One form confirms or rejects a proposed resolution, so it answers to either command.
 */
export const COMMANDS: Readonly<Record<ConcernCommand, { title: string; graph: readonly GraphCommand[] }>> = {
  triage: { title: 'Triage and grade the concern', graph: ['TRIAGE'] },
  'set-isf-level': { title: 'Set the ISF level', graph: ['SET_ISF_LEVEL'] },
  escalate: { title: 'Escalate on the pathway', graph: ['ESCALATE'] },
  'add-action': { title: 'Add an action', graph: ['ADD_ACTION'] },
  'agree-action-plan': { title: 'Agree the action plan', graph: ['AGREE_ACTION_PLAN'] },
  'start-monitoring': { title: 'Start monitoring', graph: ['START_MONITORING'] },
  'post-update': { title: 'Post an update', graph: ['POST_UPDATE'] },
  'propose-resolution': { title: 'Propose a resolution', graph: ['PROPOSE_RESOLUTION'] },
  'confirm-resolution': {
    title: 'Confirm or reject the proposed resolution',
    graph: ['CONFIRM_RESOLUTION', 'REJECT_RESOLUTION'],
  },
  close: { title: 'Close the concern', graph: ['CLOSE'] },
  withdraw: { title: 'Withdraw the concern', graph: ['WITHDRAW'] },
  'share-with-regulators': { title: 'Share with regulators', graph: ['SHARE_WITH_REGULATORS'] },
  'reply-to-learner': { title: 'Reply to the learner', graph: ['REPLY_TO_LEARNER'] },
};

export const isConcernCommand = (value: string): value is ConcernCommand => value in COMMANDS;

/** Whether the graph offers this form's command on the concern to the signed-in user. */
export const isOffered = (
  command: ConcernCommand,
  concern: { availableCommands: readonly GraphCommand[] },
): boolean => COMMANDS[command].graph.some((c) => concern.availableCommands.includes(c));

/** The forms offered, in the order the page lists them. */
export const offeredCommands = (concern: { availableCommands: readonly GraphCommand[] }): ConcernCommand[] =>
  (Object.keys(COMMANDS) as ConcernCommand[]).filter((command) => isOffered(command, concern));
