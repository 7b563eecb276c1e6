import { LearnerGroupEntity, ProfessionEntity } from './learner-group.entity';
import { MeasureEntity } from './measure.entity';
import {
  QualityDomainEntity,
  QualityFrameworkEditionEntity,
  QualityStandardEntity,
} from './quality-framework.entity';
import { QuestionnaireEntity } from './questionnaire.entity';
import { SurveyCycleEntity, SurveyCycleOverrideEntity } from './survey-cycle.entity';

export {
  LearnerGroupEntity,
  MeasureEntity,
  ProfessionEntity,
  QualityDomainEntity,
  QualityFrameworkEditionEntity,
  QualityStandardEntity,
  QuestionnaireEntity,
  SurveyCycleEntity,
  SurveyCycleOverrideEntity,
};

export const SURVEY_ENTITIES = [
  QualityFrameworkEditionEntity,
  QualityDomainEntity,
  QualityStandardEntity,
  MeasureEntity,
  LearnerGroupEntity,
  ProfessionEntity,
  SurveyCycleEntity,
  SurveyCycleOverrideEntity,
  QuestionnaireEntity,
];
