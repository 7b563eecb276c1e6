import { REPLICA_ENTITIES } from '@nets/replicas/data-access';
import {
  ConcernActionEntity,
  ConcernEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
} from './concern.entity';

export {
  ConcernActionEntity,
  ConcernEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
};

/** Every TypeORM entity of the concerns database. */
export const CONCERNS_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  ConcernEntity,
  ConcernTimelineEntryEntity,
  ConcernActionEntity,
  ConcernRegulatorShareEntity,
  IsfLevelConfigEntity,
];
