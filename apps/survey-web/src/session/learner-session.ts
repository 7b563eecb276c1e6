import { randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SubmitResponseInput } from '../__generated__/graphql';
import type { ContactDetails, PlacementDetails } from '../features/placement/placement.rules';
import type { Answers } from '../features/questionnaire/questionnaire.rules';

/** What the learner has told the form so far. Never logged; lives only in this process's memory. */
export interface LearnerSession {
  id: string;
  organisation?: { id: string; name: string; odsCode: string; sites: Array<{ id: string; name: string }> };
  siteId?: string;
  learnerGroup?: string;
  profession?: string;
  details: PlacementDetails;
  answers: Answers;
  contact: ContactDetails | null;
  /** The learner has answered the serious-concern page (shared contact details or chose not to). */
  contactDecided?: boolean;
  /** Given by the graph on the first save; the learner's way back. */
  resumeToken?: string;
  savedAt?: string;
  expiresAt?: string;
  /** Kept across retries of the submission, renewed whenever an answer changes. */
  idempotencyKey?: string;
  /** The last response sent: a retry with its key sends exactly the same input again. */
  submitted?: { idempotencyKey: string; input: SubmitResponseInput };
  receipt?: { receiptCode: string; followUpCode: string | null; submittedOn: string };
}

export interface SessionStore {
  get(id: string | undefined): LearnerSession | undefined;
  create(): LearnerSession;
  /** The answers changed: a later submission is a different response, with a new idempotency key. */
  touch(session: LearnerSession): void;
  delete(id: string): void;
}

/**
 * In-process sessions with a sliding expiry. Several replicas need sticky sessions (or a shared store behind
 * this interface); what the learner cannot afford to lose is also in their browser and, once saved, in the
 * graph's drafts.
 */
export function createMemorySessionStore(options: { ttlMs: number; max: number }): SessionStore {
  const sessions = new LRUCache<string, LearnerSession>({
    max: options.max,
    ttl: options.ttlMs,
    updateAgeOnGet: true,
  });
  return {
    get: (id) => (id ? sessions.get(id) : undefined),
    create() {
      const session: LearnerSession = {
        id: randomBytes(24).toString('base64url'),
        details: {},
        answers: {},
        contact: null,
      };
      sessions.set(session.id, session);
      return session;
    },
    touch(session) {
      session.idempotencyKey = undefined;
      session.receipt = undefined;
      sessions.set(session.id, session);
    },
    delete: (id) => void sessions.delete(id),
  };
}

export const newIdempotencyKey = (): string => randomUUID();
