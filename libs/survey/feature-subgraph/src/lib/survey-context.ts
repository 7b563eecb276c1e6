import DataLoader from 'dataloader';
import type { RequestContext } from '@nets/shared/graphql-server';
import type {
  MeasureRecord,
  QualityStandardRecord,
  QuestionnaireRecord,
  SurveyCycleRecord,
} from '@nets/survey/domain';
import type { CycleImportService } from './services/cycle-import.service';
import type { QuestionnaireService } from './services/questionnaire.service';
import type { ReferenceDataService } from './services/reference-data.service';
import type { SurveyCycleService } from './services/survey-cycle.service';

export interface SurveyServices {
  referenceData: ReferenceDataService;
  cycles: SurveyCycleService;
  questionnaires: QuestionnaireService;
  imports: CycleImportService;
}

/** Per-request batching: every entity reference of one request is fetched with one query per type. */
export interface SurveyLoaders {
  cycleByYear: DataLoader<number, SurveyCycleRecord | undefined>;
  standardByCode: DataLoader<string, QualityStandardRecord | undefined>;
  measureByKey: DataLoader<string, MeasureRecord | undefined>;
  questionnaireById: DataLoader<string, QuestionnaireRecord | undefined>;
}

export interface SurveyContext extends RequestContext {
  services: SurveyServices;
  loaders: SurveyLoaders;
}

export function createSurveyContext(base: RequestContext, services: SurveyServices): SurveyContext {
  return {
    ...base,
    services,
    loaders: {
      cycleByYear: new DataLoader((years) => services.cycles.byYears(years)),
      standardByCode: new DataLoader((codes) => services.referenceData.standardsByCodes(codes)),
      measureByKey: new DataLoader((keys) => services.referenceData.measuresByKeys(keys)),
      questionnaireById: new DataLoader((ids) => services.questionnaires.byIds(ids)),
    },
  };
}
