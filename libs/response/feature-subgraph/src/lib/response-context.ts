import DataLoader from 'dataloader';
import type { RequestContext } from '@nets/shared/graphql-server';
import type { OrganisationReplica } from '@nets/replicas/domain';
import type { DraftService } from './services/draft.service';
import type { FeedbackReleaseState } from '@nets/response/domain';
import type { FeedbackLoaders, FeedbackService } from './services/feedback.service';
import type { ProgressService } from './services/progress.service';
import type { SubmissionService } from './services/submission.service';

export interface ResponseServices {
  submissions: SubmissionService;
  drafts: DraftService;
  feedback: FeedbackService;
  progress: ProgressService;
}

export interface ResponseContext extends RequestContext {
  services: ResponseServices;
  loaders: FeedbackLoaders;
}

/** Per-request batching: every organisation of one request costs one query per table. */
export function createResponseContext(base: RequestContext, services: ResponseServices): ResponseContext {
  const organisations = new DataLoader<string, OrganisationReplica | undefined>(async (ids) => {
    const found = new Map((await services.feedback.organisations(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id));
  });
  const releases = new DataLoader<string, FeedbackReleaseState>(async (keys) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [id, year] = splitKey(key);
      byYear.set(year, [...(byYear.get(year) ?? []), id]);
    }
    const results = new Map<string, FeedbackReleaseState>();
    for (const [year, ids] of byYear) {
      const found = await services.feedback.releaseStates(ids, year);
      for (const id of ids) {
        const state = found.get(id);
        if (state) results.set(`${id}|${year}`, state);
      }
    }
    return keys.map((key) => results.get(key) ?? { released: false, responseCount: 0, published: false });
  });
  return {
    ...base,
    services,
    loaders: {
      organisation: (id) => organisations.load(id),
      release: (organisationId, year) => releases.load(`${organisationId}|${year}`),
    },
  };
}

function splitKey(key: string): [string, number] {
  const [id, year] = key.split('|');
  return [id, Number(year)];
}
