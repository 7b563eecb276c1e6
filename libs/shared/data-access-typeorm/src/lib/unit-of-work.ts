import {
  EventSubscriber,
  type DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

declare const transactionBrand: unique symbol;

/**
 * One database transaction, opaque to services: they pass it on to repositories, which alone see the
 * TypeORM `EntityManager` behind it (`managerOf`). So only repositories touch the database.
 */
export interface Transaction {
  readonly [transactionBrand]: true;
}

/** How services run work against their database without knowing TypeORM. */
export interface UnitOfWork {
  /** Runs `work` in one READ COMMITTED transaction; everything it writes commits or rolls back together. */
  run<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /** Reads outside any explicit transaction (each statement on its own). */
  readonly reads: Transaction;
}

const managers = new WeakMap<Transaction, EntityManager>();

function wrap(manager: EntityManager): Transaction {
  const transaction = Object.freeze({}) as Transaction;
  managers.set(transaction, manager);
  return transaction;
}

export function createUnitOfWork(dataSource: DataSource): UnitOfWork {
  return {
    run: (work) => dataSource.transaction('READ COMMITTED', (manager) => work(wrap(manager))),
    reads: wrap(dataSource.manager),
  };
}

/** For repositories only: the entity manager of a transaction the unit of work opened. */
export function managerOf(transaction: Transaction): EntityManager {
  const manager = managers.get(transaction);
  if (!manager) throw new Error('Not a transaction of this process’s unit of work.');
  return manager;
}

/** For tests and adapters that already hold an entity manager (e.g. a consumer's transaction). */
export function transactionOf(manager: EntityManager): Transaction {
  return wrap(manager);
}

interface AfterCommitData {
  afterCommit?: Array<() => void>;
}

/**
 * Runs `effect` once `transaction` commits (at once for reads outside a transaction), never when it rolls
 * back: for counters that must not count a change that did not happen, e.g. when a consumer's batch is retried.
 */
export function afterCommit(transaction: Transaction, effect: () => void): void {
  afterCommitOf(managerOf(transaction), effect);
}

/** `afterCommit` for the data-access lib's own writers, which hold the entity manager (e.g. the outbox). */
export function afterCommitOf(manager: EntityManager, effect: () => void): void {
  const queryRunner = manager.queryRunner;
  if (!queryRunner?.isTransactionActive) {
    effect();
    return;
  }
  const data = queryRunner.data as AfterCommitData;
  (data.afterCommit ??= []).push(effect);
}

/** Registered on every service DataSource (createServiceDataSource): runs the effects afterCommit queued. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as AfterCommitData;
    const effects = data.afterCommit ?? [];
    data.afterCommit = undefined;
    for (const effect of effects) effect();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data as AfterCommitData).afterCommit = undefined;
  }
}
