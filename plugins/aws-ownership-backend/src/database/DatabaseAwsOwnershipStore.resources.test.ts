import type { RatedResource } from '../schema/types';
import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import {
  ACCOUNT,
  OTHER_ACCOUNT,
  createTestStore,
  ratedResource,
  runScan,
} from './__testUtils__/fixtures';
import type { DatabaseAwsOwnershipStore } from './DatabaseAwsOwnershipStore';
import type { ResourceFilter, ResourceSortField } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PAYMENTS = 'group:default/payments';
const SEARCH = 'group:default/search';

const arnKinds = [
  (id: string, r: string, a: string) =>
    `arn:aws:ec2:${r}:${a}:instance/i-${id}`,
  (id: string, r: string, a: string) =>
    `arn:aws:ec2:${r}:${a}:volume/vol-${id}`,
  (id: string) => `arn:aws:s3:::bucket-${id}`,
  (id: string, r: string, a: string) => `arn:aws:sqs:${r}:${a}:queue-${id}`,
  (id: string, r: string, a: string) =>
    `arn:aws:dynamodb:${r}:${a}:table/t-${id}`,
  (id: string, r: string, a: string) =>
    `arn:aws:lambda:${r}:${a}:function:fn-${id}`,
];
const places = [
  { accountId: ACCOUNT, region: 'us-east-1' },
  { accountId: ACCOUNT, region: 'us-east-1' },
  { accountId: ACCOUNT, region: 'eu-west-1' },
  { accountId: OTHER_ACCOUNT, region: 'us-east-1' },
];

/** A current resource as the tests expect it. */
interface Expected {
  rated: RatedResource;
  accountId: string;
  stale: boolean;
}

function fixture(i: number) {
  const id = String(i).padStart(3, '0');
  const place = places[i % places.length];
  const owner = [PAYMENTS, SEARCH, undefined][i % 3];
  const tags: Record<string, string> =
    i % 5 === 0
      ? {}
      : {
          Name: i % 2 ? `Orders-${id}` : `orders_${id}`,
          owner: owner ? owner.split('/')[1] : 'nobody',
          environment: ['prod', 'staging', 'dev'][i % 3],
          'cost-center': i % 7 === 0 ? '100%' : 'cc-1',
          application: i % 6 === 0 ? 'Payments-Ledger' : 'shop',
        };
  const rated = ratedResource({
    arn: arnKinds[i % arnKinds.length](id, place.region, place.accountId),
    sourceRegion: place.region,
    tags,
    ownerRef: owner,
    componentRef: [
      'component:default/orders',
      undefined,
      'system:default/shop',
      undefined,
    ][i % 4],
  });
  return { rated, ...place };
}

/** 60 resources: account A's eu-west-1 failed in the last scan (stale), the rest fresh. */
async function seed(store: DatabaseAwsOwnershipStore): Promise<Expected[]> {
  const all = Array.from({ length: 60 }, (_, i) => fixture(i));
  const of = (accountId: string, region: string) =>
    all
      .filter(f => f.accountId === accountId && f.region === region)
      .map(f => f.rated);
  const gone = ratedResource({
    arn: 'arn:aws:sqs:us-east-1:111122223333:gone',
  });
  await runScan(store, ACCOUNT, {
    'us-east-1': [...of(ACCOUNT, 'us-east-1').slice(0, 5), gone],
    'eu-west-1': of(ACCOUNT, 'eu-west-1'),
  });
  await runScan(store, OTHER_ACCOUNT, {
    'us-east-1': of(OTHER_ACCOUNT, 'us-east-1'),
  });
  await runScan(store, ACCOUNT, {
    'us-east-1': of(ACCOUNT, 'us-east-1'),
    'eu-west-1': 'failed',
  });
  return all.map(f => ({
    rated: f.rated,
    accountId: f.accountId,
    stale: f.accountId === ACCOUNT && f.region === 'eu-west-1',
  }));
}

const statusOf = (e: Expected, checkId: string) =>
  e.rated.rating.results.find(r => r.checkId === checkId)?.status;
const fails = (e: Expected, prefix: string) =>
  e.rated.rating.results.some(
    r => r.status === 'fail' && r.checkId.startsWith(prefix),
  );
const contains = (e: Expected, text: string) =>
  [
    e.rated.resource.arn,
    e.rated.resource.name,
    ...Object.values(e.rated.resource.tags),
  ].some(v => v.toLowerCase().includes(text.toLowerCase()));

const filterCases: Array<[string, ResourceFilter, (e: Expected) => boolean]> = [
  [
    'one owner',
    { ownerRefs: [PAYMENTS] },
    e => e.rated.ownership.ownerRef === PAYMENTS,
  ],
  ['unowned', { ownerRefs: ['unowned'] }, e => !e.rated.ownership.ownerRef],
  [
    'unowned or an owner',
    { ownerRefs: ['unowned', SEARCH] },
    e => e.rated.ownership.ownerRef !== PAYMENTS,
  ],
  [
    'component',
    { componentRefs: ['system:default/shop'] },
    e => e.rated.ownership.componentRef === 'system:default/shop',
  ],
  [
    'account',
    { accountIds: [OTHER_ACCOUNT] },
    e => e.accountId === OTHER_ACCOUNT,
  ],
  [
    'region',
    { regions: ['eu-west-1'] },
    e => e.rated.resource.sourceRegion === 'eu-west-1',
  ],
  [
    'types',
    { resourceTypes: ['s3:bucket', 'sqs:queue'] },
    e => ['s3:bucket', 'sqs:queue'].includes(e.rated.resource.resourceType),
  ],
  [
    'category',
    { categories: ['abstract'] },
    e => e.rated.category === 'abstract',
  ],
  [
    'failing a check',
    { checkId: 'tagging.required' },
    e => statusOf(e, 'tagging.required') === 'fail',
  ],
  [
    'passing a check',
    { checkId: 'naming.name-present', checkStatus: 'pass' },
    e => statusOf(e, 'naming.name-present') === 'pass',
  ],
  [
    'check not applicable',
    { checkId: 'tagging.allowed-values', checkStatus: 'not-applicable' },
    e => statusOf(e, 'tagging.allowed-values') === 'not-applicable',
  ],
  [
    'failing a checklist',
    { failingChecklist: 'naming' },
    e => fails(e, 'naming.'),
  ],
  [
    'text in a tag value, any case',
    { text: 'PAYMENTS-ledger' },
    e => contains(e, 'payments-ledger'),
  ],
  ['text with a LIKE wildcard', { text: '0%' }, e => contains(e, '0%')],
  ['text with an underscore', { text: 's_0' }, e => contains(e, 's_0')],
  ['stale', { stale: true }, e => e.stale],
  ['fresh', { stale: false }, e => !e.stale],
  [
    'combined',
    {
      ownerRefs: [PAYMENTS, 'unowned'],
      resourceTypes: ['ec2:instance', 's3:bucket', 'lambda:function'],
      stale: false,
    },
    e =>
      e.rated.ownership.ownerRef !== SEARCH &&
      ['ec2:instance', 's3:bucket', 'lambda:function'].includes(
        e.rated.resource.resourceType,
      ) &&
      !e.stale,
  ],
];

async function allPages(
  store: DatabaseAwsOwnershipStore,
  query: Parameters<DatabaseAwsOwnershipStore['listResources']>[0],
) {
  const items: RatedResource[] = [];
  const totals = new Set<number | undefined>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.listResources({ ...query, cursor });
    items.push(...page.items);
    totals.add(page.totalCount);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { items, totals: [...totals], pages };
}

/** Sort values; the scanned account (an S3 ARN has none) comes from the seed. */
const sortValue: Record<
  ResourceSortField,
  (r: RatedResource, accountOf: Map<string, string>) => string | number
> = {
  score: r => r.rating.score,
  name: r => r.resource.name,
  resourceType: r => r.resource.resourceType,
  region: r => r.resource.sourceRegion,
  accountId: (r, accountOf) => accountOf.get(r.resource.arn)!,
  lastSeenAt: r => r.lastSeenAt!,
  arn: r => r.resource.arn,
};

function compare(a: string | number, b: string | number) {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

describe('DatabaseAwsOwnershipStore resources', () => {
  it.each(databases.eachSupportedId())(
    'applies every filter, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const expected = await seed(store);
      expect(await store.countResources()).toBe(60);
      for (const [name, filter, predicate] of filterCases) {
        const want = expected
          .filter(predicate)
          .map(e => e.rated.resource.arn)
          .sort();
        // every case must select something and leave something out
        expect({ name, selects: want.length > 0 && want.length < 60 }).toEqual({
          name,
          selects: true,
        });
        const page = await store.listResources({
          filter,
          limit: 500,
          sort: { field: 'arn', order: 'asc' },
        });
        expect({ name, arns: page.items.map(i => i.resource.arn) }).toEqual({
          name,
          arns: want,
        });
        expect({ name, total: page.totalCount }).toEqual({
          name,
          total: want.length,
        });
        expect({ name, count: await store.countResources(filter) }).toEqual({
          name,
          count: want.length,
        });
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts by every field both ways and pages through every row once, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const expected = await seed(store);
      const accountOf = new Map(
        expected.map(e => [e.rated.resource.arn, e.accountId]),
      );
      const everything = (await store.listResources({ limit: 500 })).items;
      expect(everything).toHaveLength(60);
      for (const field of Object.keys(sortValue) as ResourceSortField[]) {
        for (const order of ['asc', 'desc'] as const) {
          const sign = order === 'asc' ? 1 : -1;
          const want = [...everything]
            .sort((a, b) => {
              const byField = compare(
                sortValue[field](a, accountOf),
                sortValue[field](b, accountOf),
              );
              return (
                sign * (byField || compare(a.resource.arn, b.resource.arn))
              );
            })
            .map(r => r.resource.arn);
          const got = await allPages(store, {
            sort: { field, order },
            limit: 7,
          });
          expect({
            field,
            order,
            arns: got.items.map(i => i.resource.arn),
          }).toEqual({ field, order, arns: want });
          expect(got.pages).toBe(9);
          expect(got.totals).toEqual([60]);
        }
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts by score ascending by default and pages a filtered list, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const expected = await seed(store);
      const first = await store.listResources({});
      expect(first.items).toHaveLength(50);
      expect(first.totalCount).toBe(60);
      const scores = first.items.map(i => i.rating.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      const rest = await store.listResources({ cursor: first.nextCursor });
      expect(rest.items).toHaveLength(10);
      expect(rest.nextCursor).toBeUndefined();

      const filter: ResourceFilter = { ownerRefs: [PAYMENTS], stale: false };
      const got = await allPages(store, {
        filter,
        sort: { field: 'name', order: 'desc' },
        limit: 3,
      });
      const want = expected
        .filter(e => e.rated.ownership.ownerRef === PAYMENTS && !e.stale)
        .map(e => e.rated)
        .sort(
          (a, b) =>
            -(
              compare(a.resource.name, b.resource.name) ||
              compare(a.resource.arn, b.resource.arn)
            ),
        )
        .map(r => r.resource.arn);
      expect(got.items.map(i => i.resource.arn)).toEqual(want);
      expect(got.totals).toEqual([want.length]);
    },
  );

  it.each(databases.eachSupportedId())(
    'clamps the limit and rejects malformed cursors, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      await seed(store);
      expect((await store.listResources({ limit: 0 })).items).toHaveLength(1);
      expect((await store.listResources({ limit: 2.9 })).items).toHaveLength(2);
      expect((await store.listResources({ limit: 10_000 })).items).toHaveLength(
        60,
      );

      const byScore = await store.listResources({ limit: 5 });
      const encode = (value: unknown) =>
        Buffer.from(JSON.stringify(value)).toString('base64url');
      const bad = [
        'not a cursor!',
        Buffer.from('{"f":').toString('base64url'),
        encode({ f: 'score', o: 'asc', v: 'ten', a: 'arn:x' }),
        encode({ f: 'score', o: 'asc', v: 10 }),
        encode(null),
        encode([1, 2]),
      ];
      for (const cursor of bad) {
        await expect(store.listResources({ cursor })).rejects.toThrow(
          InputError,
        );
      }
      // a cursor made for another sort
      await expect(
        store.listResources({
          cursor: byScore.nextCursor,
          sort: { field: 'name', order: 'asc' },
        }),
      ).rejects.toThrow(InputError);
      await expect(
        store.listResources({
          cursor: byScore.nextCursor,
          sort: { field: 'score', order: 'desc' },
        }),
      ).rejects.toThrow(InputError);
      await expect(
        store.listResources({
          sort: { field: 'owner' as ResourceSortField, order: 'asc' },
        }),
      ).rejects.toThrow(InputError);
    },
  );

  it.each(databases.eachSupportedId())(
    'streams every current rating once, in batches, %p',
    async databaseId => {
      const store = await createTestStore(await databases.init(databaseId));
      const expected = await seed(store);
      const sizes: number[] = [];
      const seen = new Map<string, unknown>();
      for await (const batch of store.streamRatings(7)) {
        sizes.push(batch.length);
        for (const r of batch) {
          expect(seen.has(r.rating.arn)).toBe(false);
          seen.set(r.rating.arn, r);
        }
      }
      // per current account and region: 15 stale in eu-west-1, 30 and 15 in us-east-1
      expect(sizes).toEqual([7, 7, 1, 7, 7, 7, 7, 2, 7, 7, 1]);
      for (const e of expected) {
        // aggregation needs each result's check, status and severity only;
        // which check capped a score is the service's to add
        const { cappedBy: _cappedBy, ...rating } = e.rated.rating;
        const want: Record<string, unknown> = {
          stale: e.stale,
          rating: {
            ...rating,
            results: e.rated.rating.results.map(
              ({ checkId, checklist, status, severity }) => ({
                checkId,
                checklist,
                status,
                severity,
                message: '',
              }),
            ),
          },
        };
        if (e.rated.ownership.ownerRef)
          want.ownerRef = e.rated.ownership.ownerRef;
        if (e.rated.ownership.componentRef)
          want.componentRef = e.rated.ownership.componentRef;
        expect(seen.get(e.rated.resource.arn)).toEqual(want);
      }
    },
  );
});
