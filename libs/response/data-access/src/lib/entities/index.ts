import { REPLICA_ENTITIES } from '@nets/replicas/data-access';
import {
  FeedbackReleaseCountEntity,
  FeedbackReleaseEntity,
  ReleasedResultCellEntity,
  ResponseAnswerEntity,
  ResponseCommentEntity,
  ResponseDraftEntity,
  ResponseEntity,
  ResponseSubmissionEntity,
} from './response.entity';

export * from './response.entity';

/** Every TypeORM entity of the response database. */
export const RESPONSE_ENTITIES: Array<new () => object> = [
  ...REPLICA_ENTITIES,
  ResponseEntity,
  ResponseAnswerEntity,
  ResponseCommentEntity,
  ResponseSubmissionEntity,
  ResponseDraftEntity,
  ReleasedResultCellEntity,
  FeedbackReleaseEntity,
  FeedbackReleaseCountEntity,
];
