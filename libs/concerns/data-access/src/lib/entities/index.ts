import { REPLICA_ENTITIES } from '@nets/shared/data-access-replicas';
import {
  ConcernActionEntity,
  ConcernEntity,
  ConcernReferenceSequenceEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
} from './concern.entity';

export {
  ConcernActionEntity,
  ConcernEntity,
  ConcernReferenceSequenceEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
};

/** Every TypeORM entity of the concerns database. */
export const CONCERNS_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  ConcernEntity,
  ConcernReferenceSequenceEntity,
  ConcernTimelineEntryEntity,
  ConcernActionEntity,
  ConcernRegulatorShareEntity,
  IsfLevelConfigEntity,
];
