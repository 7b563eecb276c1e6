import { appendToOutbox, type OutboxEntry } from './outbox';
import { managerOf, type Transaction } from './unit-of-work';

/**
 * `appendToOutbox` for services that hold a unit of work's `Transaction`: the events commit or roll back with
 * what the service wrote in it. The outbox is this library's repository, so it alone unwraps the manager.
 */
export function appendToOutboxIn(transaction: Transaction, entries: readonly OutboxEntry[]): Promise<void> {
  return appendToOutbox(managerOf(transaction), entries);
}
