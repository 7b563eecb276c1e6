import type { CallerContext, GraphClient } from '@nets/web/graph-client';
import {
  SurveyWebConcernFollowUpDocument,
  SurveyWebEducationProviderSearchDocument,
  SurveyWebLearnerGroupsDocument,
  SurveyWebOpenSurveyDocument,
  SurveyWebOrganisationDocument,
  SurveyWebOrganisationSearchDocument,
  SurveyWebProgrammesDocument,
  SurveyWebResumeDraftDocument,
  SurveyWebSaveDraftDocument,
  SurveyWebSubmitDocument,
  type SaveResponseDraftInput,
  type SubmitResponseInput,
  type SurveyWebConcernFollowUpQuery,
  type SurveyWebLearnerGroupsQuery,
  type SurveyWebOrganisationQuery,
  type SurveyWebProgrammesQuery,
  type SurveyWebResumeDraftQuery,
} from '../__generated__/graphql';
import type { OpenCycle } from '../features/questionnaire/questionnaire.rules';

export type LearnerGroup = SurveyWebLearnerGroupsQuery['learnerGroups'][number];
export type Organisation = NonNullable<SurveyWebOrganisationQuery['organisation']>;
export type Programme = SurveyWebProgrammesQuery['programmes'][number];
export type Draft = NonNullable<SurveyWebResumeDraftQuery['responseDraft']>;
export type FollowUp = SurveyWebConcernFollowUpQuery['concernFollowUp'];

/** Reads that every learner shares are cached briefly: a page view must not cost the graph a questionnaire. */
function cached<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return () => {
    if (!value || Date.now() - value.at > ttlMs) {
      const promise = load();
      value = { at: Date.now(), promise };
      promise.catch(() => {
        if (value?.promise === promise) value = undefined;
      });
    }
    return value.promise;
  };
}

/** Everything the learner's web form asks of the graph, as the operations in features/<feature>/graphql. */
export class SurveyGraph {
  readonly openCycle: () => Promise<OpenCycle | null>;
  readonly learnerGroups: () => Promise<LearnerGroup[]>;
  readonly programmes: () => Promise<Programme[]>;

  constructor(
    private readonly client: GraphClient,
    cacheMs = 30_000,
  ) {
    this.openCycle = cached(cacheMs, async () => {
      const data = await client.request(SurveyWebOpenSurveyDocument, {});
      return data.openSurveyCycle?.questionnaire ? data.openSurveyCycle : null;
    });
    this.learnerGroups = cached(10 * cacheMs, async () => {
      const data = await client.request(SurveyWebLearnerGroupsDocument, {});
      return data.learnerGroups;
    });
    this.programmes = cached(10 * cacheMs, async () => {
      const data = await client.request(SurveyWebProgrammesDocument, {});
      return data.programmes;
    });
  }

  async searchOrganisations(search: string, caller: CallerContext) {
    const data = await this.client.request(SurveyWebOrganisationSearchDocument, { search }, caller);
    return {
      total: data.organisations.totalCount,
      organisations: data.organisations.edges.map((e) => e.node),
    };
  }

  /** Universities and colleges: active organisations of kind education provider. */
  async searchEducationProviders(search: string, caller: CallerContext) {
    const data = await this.client.request(SurveyWebEducationProviderSearchDocument, { search }, caller);
    return {
      total: data.organisations.totalCount,
      organisations: data.organisations.edges.map((e) => e.node),
    };
  }

  async organisation(id: string, caller: CallerContext): Promise<Organisation | null> {
    return (await this.client.request(SurveyWebOrganisationDocument, { id }, caller)).organisation;
  }

  async saveDraft(input: SaveResponseDraftInput, caller: CallerContext) {
    return (await this.client.request(SurveyWebSaveDraftDocument, { input }, caller)).saveResponseDraft;
  }

  async resumeDraft(resumeToken: string, caller: CallerContext): Promise<Draft | null> {
    return (await this.client.request(SurveyWebResumeDraftDocument, { resumeToken }, caller)).responseDraft;
  }

  async submit(input: SubmitResponseInput, caller: CallerContext) {
    return (await this.client.request(SurveyWebSubmitDocument, { input }, caller)).submitResponse;
  }

  async followUp(followUpCode: string, caller: CallerContext): Promise<FollowUp> {
    return (await this.client.request(SurveyWebConcernFollowUpDocument, { followUpCode }, caller))
      .concernFollowUp;
  }
}
