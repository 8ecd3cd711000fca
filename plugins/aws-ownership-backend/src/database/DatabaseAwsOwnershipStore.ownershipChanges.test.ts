import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ACCOUNT,
  createTestStore,
  instanceArn,
  OTHER_ACCOUNT,
  ratedResource,
  runScan,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const payments = 'group:default/payments';
const sre = 'group:default/sre';

describe('DatabaseAwsOwnershipStore ownership changes', () => {
  it.each(databases.eachSupportedId())(
    'records, when a scan commits, each resource whose owner differs from the current data, and prunes them, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createTestStore(knex);
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(id => instanceArn(id));
      const f = instanceArn('f', 'eu-central-1');
      const bucket = 'arn:aws:s3:::orders-data';
      const other = instanceArn('a', 'us-east-1', OTHER_ACCOUNT);
      const first = await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: a, ownerRef: payments }),
          ratedResource({ arn: b }),
          ratedResource({ arn: c, ownerRef: sre }),
          ratedResource({ arn: bucket, ownerRef: payments }),
        ],
        'eu-central-1': [ratedResource({ arn: f, ownerRef: payments })],
      });
      await runScan(store, OTHER_ACCOUNT, {
        'us-east-1': [ratedResource({ arn: other, ownerRef: payments })],
      });
      // an account's first scan has nothing to differ from
      expect(await knex('ownership_changes')).toEqual([]);

      const before = new Date().toISOString();
      const second = await runScan(
        store,
        ACCOUNT,
        {
          'us-east-1': [
            ratedResource({ arn: a, ownerRef: sre }), // moved
            ratedResource({ arn: b, ownerRef: payments }), // from nobody
            ratedResource({ arn: c, ownerRef: sre }), // unchanged
            ratedResource({ arn: d, ownerRef: payments }), // new in AWS
          ],
          // listed from another region this time, by another owner
          'eu-west-1': [
            ratedResource({
              arn: bucket,
              sourceRegion: 'eu-west-1',
              ownerRef: sre,
            }),
          ],
          'eu-central-1': 'failed',
        },
        // what the failed region wrote before failing never becomes current
        [ratedResource({ arn: f, ownerRef: sre })],
      );
      const rows = await knex('ownership_changes')
        .select(
          'arn',
          'account_id',
          'from_owner_ref',
          'to_owner_ref',
          'scan_id',
          'changed_at',
        )
        .orderBy('arn');
      expect(rows).toEqual([
        {
          arn: a,
          account_id: ACCOUNT,
          from_owner_ref: payments,
          to_owner_ref: sre,
          scan_id: second.id,
          changed_at: expect.any(String),
        },
        {
          arn: b,
          account_id: ACCOUNT,
          from_owner_ref: null,
          to_owner_ref: payments,
          scan_id: second.id,
          changed_at: expect.any(String),
        },
        {
          arn: bucket,
          account_id: ACCOUNT,
          from_owner_ref: payments,
          to_owner_ref: sre,
          scan_id: second.id,
          changed_at: expect.any(String),
        },
      ]);
      expect(rows[0].changed_at >= before).toBe(true);
      expect(second.id).not.toBe(first.id);

      // a moves back: one more change, none for the others
      await runScan(store, ACCOUNT, {
        'us-east-1': [
          ratedResource({ arn: a, ownerRef: payments }),
          ratedResource({ arn: b, ownerRef: payments }),
          ratedResource({ arn: c, ownerRef: sre }),
          ratedResource({ arn: d, ownerRef: payments }),
        ],
      });
      expect(
        await knex('ownership_changes')
          .where('arn', a)
          .orderBy('id')
          .select('from_owner_ref', 'to_owner_ref'),
      ).toEqual([
        { from_owner_ref: payments, to_owner_ref: sre },
        { from_owner_ref: sre, to_owner_ref: payments },
      ]);

      expect(await store.pruneOwnershipChanges(new Date(before))).toBe(0);
      expect(
        await store.pruneOwnershipChanges(new Date(Date.now() + 1000)),
      ).toBe(4);
      expect(await knex('ownership_changes')).toEqual([]);
    },
  );
});
