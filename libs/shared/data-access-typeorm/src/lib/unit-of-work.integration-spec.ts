import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase } from './ensure-database';
import {
  AfterCommitSubscriber,
  afterCommit,
  createUnitOfWork,
  managerOf,
  transactionOf,
  type UnitOfWork,
} from './unit-of-work';

const server = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const url = `${server}/nets_test_unit_of_work_${randomBytes(4).toString('hex')}`;
let dataSource: DataSource;
let unitOfWork: UnitOfWork;

const count = async (): Promise<number> =>
  Number((await dataSource.query('SELECT count(*) AS n FROM note'))[0].n);

beforeAll(async () => {
  await ensureDatabase(url);
  dataSource = await new DataSource({
    type: 'postgres',
    url,
    subscribers: [AfterCommitSubscriber],
  }).initialize();
  await dataSource.query('CREATE TABLE note (text text NOT NULL)');
  unitOfWork = createUnitOfWork(dataSource);
});
afterAll(async () => {
  await dataSource.destroy();
  await dropDatabase(url);
});
beforeEach(() => dataSource.query('DELETE FROM note'));

it('commits everything the work wrote when it succeeds', async () => {
  await unitOfWork.run(async (transaction) => {
    await managerOf(transaction).query(`INSERT INTO note VALUES ('a'), ('b')`);
  });
  expect(await count()).toBe(2);
});

it('rolls everything back when the work throws, and rethrows', async () => {
  await expect(
    unitOfWork.run(async (transaction) => {
      await managerOf(transaction).query(`INSERT INTO note VALUES ('a')`);
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect(await count()).toBe(0);
});

it('hands repositories the transaction’s own entity manager', async () => {
  await unitOfWork.run(async (transaction) => {
    const manager = managerOf(transaction);
    expect(manager.queryRunner?.isTransactionActive).toBe(true);
    expect(await manager.query('SELECT current_setting($1) AS level', ['transaction_isolation'])).toEqual([
      { level: 'read committed' },
    ]);
  });
  expect(managerOf(unitOfWork.reads)).toBe(dataSource.manager);
  expect(managerOf(transactionOf(dataSource.manager))).toBe(dataSource.manager);
});

it('refuses a transaction it did not open', () => {
  expect(() => managerOf({} as never)).toThrow('Not a transaction');
});

it('runs afterCommit effects once the transaction commits, never when it rolls back', async () => {
  const effects: string[] = [];
  await unitOfWork.run(async (transaction) => {
    await managerOf(transaction).query(`INSERT INTO note VALUES ('a')`);
    afterCommit(transaction, () => effects.push('committed'));
    expect(effects).toEqual([]);
  });
  expect(effects).toEqual(['committed']);
  await expect(
    unitOfWork.run(async (transaction) => {
      afterCommit(transaction, () => effects.push('rolled back'));
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  // The same pooled connection's next transaction does not run the effects of the one rolled back.
  await unitOfWork.run(async (transaction) => afterCommit(transaction, () => effects.push('next')));
  expect(effects).toEqual(['committed', 'next']);
  afterCommit(unitOfWork.reads, () => effects.push('outside a transaction: at once'));
  expect(effects).toEqual(['committed', 'next', 'outside a transaction: at once']);
});
