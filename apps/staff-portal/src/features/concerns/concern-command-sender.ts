import type { FastifyRequest } from 'fastify';
import {
  StaffPortalAddConcernActionDocument,
  StaffPortalAgreeConcernActionPlanDocument,
  StaffPortalCloseConcernDocument,
  StaffPortalConfirmConcernResolutionDocument,
  StaffPortalEscalateConcernDocument,
  StaffPortalPostConcernUpdateDocument,
  StaffPortalProposeConcernResolutionDocument,
  StaffPortalReplyToLearnerDocument,
  StaffPortalSetConcernIsfLevelDocument,
  StaffPortalShareConcernWithRegulatorsDocument,
  StaffPortalStartConcernMonitoringDocument,
  StaffPortalTriageConcernDocument,
  StaffPortalWithdrawConcernDocument,
} from '../../__generated__/graphql';
import type { PortalDependencies } from '../../portal-context';
import type { CommandRequest } from './concern-command-forms';

/** Asks the graph to carry out a command on the version of the concern the user saw. */
export async function sendCommand(
  deps: PortalDependencies,
  request: FastifyRequest,
  concern: { id: string; expectedVersion: number },
  command: CommandRequest,
): Promise<void> {
  const graph = deps.graph;
  const target = { id: concern.id, expectedVersion: concern.expectedVersion };
  switch (command.command) {
    case 'triage':
      await graph.request(request, StaffPortalTriageConcernDocument, { ...target, input: command.input });
      return;
    case 'set-isf-level':
      await graph.request(request, StaffPortalSetConcernIsfLevelDocument, {
        ...target,
        level: command.level,
        rationale: command.rationale,
      });
      return;
    case 'escalate':
      await graph.request(request, StaffPortalEscalateConcernDocument, {
        ...target,
        toStep: command.toStep,
        reason: command.reason,
      });
      return;
    case 'add-action':
      await graph.request(request, StaffPortalAddConcernActionDocument, { ...target, input: command.input });
      return;
    case 'agree-action-plan':
      await graph.request(request, StaffPortalAgreeConcernActionPlanDocument, {
        ...target,
        reason: command.reason,
      });
      return;
    case 'start-monitoring':
      await graph.request(request, StaffPortalStartConcernMonitoringDocument, {
        ...target,
        reason: command.reason,
      });
      return;
    case 'close':
      await graph.request(request, StaffPortalCloseConcernDocument, { ...target, reason: command.reason });
      return;
    case 'post-update':
      await graph.request(request, StaffPortalPostConcernUpdateDocument, { ...target, input: command.input });
      return;
    case 'propose-resolution':
      await graph.request(request, StaffPortalProposeConcernResolutionDocument, {
        ...target,
        evidence: command.evidence,
      });
      return;
    case 'confirm-resolution':
      await graph.request(request, StaffPortalConfirmConcernResolutionDocument, {
        ...target,
        accepted: command.accepted,
        reason: command.reason,
      });
      return;
    case 'withdraw':
      await graph.request(request, StaffPortalWithdrawConcernDocument, { ...target, reason: command.reason });
      return;
    case 'share-with-regulators':
      await graph.request(request, StaffPortalShareConcernWithRegulatorsDocument, {
        ...target,
        regulators: command.regulators,
        summary: command.summary,
      });
      return;
    case 'reply-to-learner':
      await graph.request(request, StaffPortalReplyToLearnerDocument, { ...target, text: command.text });
      return;
  }
}
