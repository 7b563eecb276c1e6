import { SurveySchema1732240000000 } from './1732240000000-survey-schema';
import { SurveyReferenceData1732240000001 } from './1732240000001-survey-reference-data';

export const SURVEY_MIGRATIONS = [SurveySchema1732240000000, SurveyReferenceData1732240000001];
