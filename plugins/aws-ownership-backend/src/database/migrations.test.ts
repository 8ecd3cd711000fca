import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ACCOUNT,
  createTestStore,
  ratedResource,
} from './__testUtils__/fixtures';
import { toResourceRow } from './resourceRow';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolvePackagePath(
  '@aws-ownership/backstage-plugin-backend',
  'migrations',
);

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'take secrets out of what rows written before 2026-11-29 let q search, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // the schema as it was before the rewrite
      await knex.migrate.up({ directory, name: '20261123_init.js' });
      await knex.migrate.up({
        directory,
        name: '20261124_resources_score_index.js',
      });
      const secret = 'AKIAQEVLMG7T4T62EMTO';
      const bucket = ratedResource({
        arn: 'arn:aws:s3:::old-bucket',
        sourceRegion: 'us-east-1',
        tags: { Name: secret, 'db-password': 'Sup3red20gf!', team: 'blue' },
      });
      // written as the code of the time did: every tag value searchable, the
      // Name tag as name, and an empty account for an ARN without one
      const row = {
        ...toResourceRow('scan-1', ACCOUNT, bucket),
        name: secret,
        search_text: [
          bucket.resource.arn,
          secret,
          ...Object.values(bucket.resource.tags),
        ]
          .join('\n')
          .toLowerCase(),
        data: JSON.stringify({
          ...JSON.parse(toResourceRow('scan-1', ACCOUNT, bucket).data),
          a: '',
        }),
      };
      await knex('resources').insert(row);
      await knex('current_regions').insert({
        account_id: ACCOUNT,
        region: 'us-east-1',
        scan_id: 'scan-1',
        last_seen_at: new Date().toISOString(),
        stale: false,
      });

      const store = await createTestStore(knex);
      for (const text of [secret, 'akiaq', 'Sup3red', 'hunter']) {
        const page = await store.listResources({ filter: { text } });
        expect({ text, found: page.items.length }).toEqual({ text, found: 0 });
      }
      const kept = await store.listResources({ filter: { text: 'blue' } });
      expect(kept.items.map(i => i.resource.arn)).toEqual([
        bucket.resource.arn,
      ]);
      const read = await store.getResource(bucket.resource.arn);
      expect(read?.resource.name).toBe('old-bucket');
      expect(read?.resource.accountId).toBe(ACCOUNT);
      expect(
        await store.countResources({
          accountIds: [ACCOUNT],
          text: 'old-bucket',
        }),
      ).toBe(1);
    },
  );
});
