import { REPLICA_ENTITIES } from '@nets/replicas/data-access';
import {
  ConcernActionEntity,
  ConcernEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
} from './concern.entity';
import {
  NotificationContactEntity,
  NotificationEmailEntity,
  NotificationSubscriberEntity,
  NotificationTriggerEntity,
} from './notification.entity';

export {
  ConcernActionEntity,
  ConcernEntity,
  ConcernRegulatorShareEntity,
  ConcernTimelineEntryEntity,
  IsfLevelConfigEntity,
  NotificationContactEntity,
  NotificationEmailEntity,
  NotificationSubscriberEntity,
  NotificationTriggerEntity,
};

/** Every TypeORM entity of the concerns database. */
export const CONCERNS_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  ConcernEntity,
  ConcernTimelineEntryEntity,
  ConcernActionEntity,
  ConcernRegulatorShareEntity,
  IsfLevelConfigEntity,
  NotificationContactEntity,
  NotificationSubscriberEntity,
  NotificationTriggerEntity,
  NotificationEmailEntity,
];
