/** Every subgraph of the supergraph: where its schema lives and where it listens locally. */
export interface SubgraphDefinition {
  name: string;
  schemaFolder: string;
  /** Local development URL (the gateway reads SUBGRAPH_<NAME>_URL to override). */
  localUrl: string;
  /** For generated resolver types. */
  contextType: string;
  mappers: Record<string, string>;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'survey',
    schemaFolder: 'libs/survey/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4101/graphql',
    contextType: '../lib/survey-context#SurveyContext',
    mappers: {
      QualityFramework: '@nets/survey/domain#QualityFrameworkRecord',
      QualityDomain: '@nets/survey/domain#QualityDomainRecord',
      QualityStandard: '@nets/survey/domain#QualityStandardRecord',
      Measure: '@nets/survey/domain#MeasureRecord',
      LearnerGroup: '@nets/survey/domain#LearnerGroupRecord',
      Profession: '@nets/survey/domain#ProfessionRecord',
      SurveyCycle: '@nets/survey/domain#SurveyCycleRecord',
      Questionnaire: '../lib/presenters/questionnaire.presenter#QuestionnaireView',
    },
  },
  {
    name: 'provider-assessment',
    schemaFolder: 'libs/provider-assessment/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4102/graphql',
    contextType: '../lib/provider-assessment-context#ProviderAssessmentContext',
    mappers: {
      Organisation: '@nets/provider-assessment/domain#OrganisationRecord',
      OrganisationSite: '@nets/provider-assessment/domain#SiteRecord',
      SelfAssessmentCycle: '@nets/provider-assessment/domain#SelfAssessmentCycleRecord',
      SelfAssessment: '../lib/presenters/self-assessment.presenter#SelfAssessmentView',
    },
  },
  {
    name: 'concerns',
    schemaFolder: 'libs/concerns/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4105/graphql',
    contextType: '../lib/concerns-context#ConcernsContext',
    mappers: {
      Concern: '../lib/presenters/concern.presenter#ConcernView',
      ConcernTimelineEntry: '../lib/presenters/concern.presenter#TimelineEntryView',
      Organisation: '../lib/presenters/concern.presenter#OrganisationRef',
      ConcernAction: '@nets/concerns/domain#ConcernActionRecord',
      ConcernRegulatorShare: '@nets/concerns/domain#RegulatorShareRecord',
      ConcernIsfLevel: '@nets/concerns/domain#IsfLevelRecord',
    },
  },
  {
    name: 'response',
    schemaFolder: 'libs/response/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4103/graphql',
    contextType: '../lib/response-context#ResponseContext',
    mappers: {
      Organisation: '../lib/services/feedback.service#OrganisationRef',
      ResponseCommentForReview: '@nets/response/domain#CommentRecord',
    },
  },
  {
    name: 'analytics',
    schemaFolder: 'libs/analytics/feature-subgraph/src/schema',
    localUrl: 'http://127.0.0.1:4104/graphql',
    contextType: '../lib/analytics-context#AnalyticsContext',
    mappers: {
      MeasureResult: '@nets/analytics/domain#MeasureResultView',
      QualityFlag: '@nets/analytics/domain#QualityFlagView',
      ReasonRanking: '@nets/analytics/domain#ReasonRankingView',
      NationalResultsSummary: '@nets/analytics/domain#NationalSummaryView',
      Organisation: '@nets/analytics/domain#OrganisationRef',
      SurveyCycle: '@nets/analytics/domain#SurveyCycleRef',
      Measure: '@nets/analytics/domain#MeasureRef',
    },
  },
];
