import { REPLICA_ENTITIES } from '@nets/shared/data-access-replicas';
import {
  CounterEntity,
  PendingResponseEntity,
  ReasonCounterEntity,
  SeriesEntity,
  UnitFlagEntity,
} from './counter.entity';

export * from './counter.entity';

/** Every TypeORM entity of the analytics database. */
export const ANALYTICS_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  CounterEntity,
  ReasonCounterEntity,
  SeriesEntity,
  PendingResponseEntity,
  UnitFlagEntity,
];
