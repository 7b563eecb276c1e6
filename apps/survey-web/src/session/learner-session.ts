import { randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SubmitResponseInput } from '../__generated__/graphql';
import type { ContactDetails, PlacementDetails } from '../features/placement/placement.rules';
import type { Answers } from '../features/questionnaire/questionnaire.rules';

/** What the learner has told the form so far. Never logged; kept by a SessionStore until it expires. */
export interface LearnerSession {
  id: string;
  organisation?: { id: string; name: string; odsCode: string; sites: Array<{ id: string; name: string }> };
  siteId?: string;
  learnerGroup?: string;
  profession?: string;
  /** The learner's university or college (an education provider) and programme code: optional, asked together. */
  education?: { id: string; name: string; odsCode: string };
  programme?: string;
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

/**
 * Pages read and change the session synchronously; a store whose sessions live outside the process brings
 * the request's session in before its handler (`load`) and writes back what the request used before the
 * reply leaves (`flush`), so the learner's next page finds it on any replica.
 */
export interface SessionStore {
  get(id: string | undefined): LearnerSession | undefined;
  create(): LearnerSession;
  /** The answers changed: a later submission is a different response, with a new idempotency key. */
  touch(session: LearnerSession): void;
  delete(id: string): void;
  load(id: string | undefined): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function newLearnerSession(): LearnerSession {
  return { id: randomBytes(24).toString('base64url'), details: {}, answers: {}, contact: null };
}

/** The change a new answer makes to a session (see SessionStore.touch). */
export function forgetSubmission(session: LearnerSession): void {
  session.idempotencyKey = undefined;
  session.receipt = undefined;
}

/**
 * In-process sessions with a sliding expiry: one process, or replicas behind sticky sessions. What the learner
 * cannot afford to lose is also in their browser and, once saved, in the graph's drafts.
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
      const session = newLearnerSession();
      sessions.set(session.id, session);
      return session;
    },
    touch(session) {
      forgetSubmission(session);
      sessions.set(session.id, session);
    },
    delete: (id) => void sessions.delete(id),
    load: async () => undefined,
    flush: async () => undefined,
    close: async () => sessions.clear(),
  };
}

export const newIdempotencyKey = (): string => randomUUID();
