import { REPLICA_ENTITIES } from '@nets/replicas/data-access';
import {
  CellCounterEntity,
  FoldedResponseEntity,
  LateResponseEntity,
  PendingResponseEntity,
  ReleaseEntity,
  SeriesEntity,
  SlotEntity,
  UnitFlagEntity,
} from './counter.entity';

export * from './counter.entity';

/** Every TypeORM entity of the analytics database. */
export const ANALYTICS_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  CellCounterEntity,
  SlotEntity,
  FoldedResponseEntity,
  SeriesEntity,
  PendingResponseEntity,
  UnitFlagEntity,
  ReleaseEntity,
  LateResponseEntity,
];
