import type {
  ApiEntityScorecard,
  ApiRatedResource,
  ApiResourcePage,
  ApiScorecardList,
  AwsOwnershipApi,
} from '@aws-ownership/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';

export const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const componentEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

export const systemEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { owner: 'payments' },
};

export const apiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders-openapi', namespace: 'default' },
  spec: { type: 'openapi', lifecycle: 'production', owner: 'payments' },
};

export const userEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'paula.singh', namespace: 'default' },
  spec: { memberOf: ['payments'] },
};

export function scorecard(
  overrides: Partial<ApiEntityScorecard> = {},
): ApiEntityScorecard {
  return {
    entityRef: 'group:default/payments',
    kind: 'group',
    displayName: 'Payments',
    includesDescendants: false,
    score: 72.5,
    grade: 'C',
    checklists: {
      naming: { score: 91, grade: 'A' },
      tagging: { score: 64.2, grade: 'C' },
      responsibility: { score: 38, grade: 'F' },
    },
    resourceCount: 42,
    failingResourceCount: 17,
    failingChecks: [
      {
        checkId: 'naming.convention',
        checklist: 'naming',
        severity: 'medium',
        failingResources: 3,
      },
      {
        checkId: 'responsibility.backup',
        checklist: 'responsibility',
        severity: 'high',
        failingResources: 12,
      },
    ],
    change: 2.5,
    computedAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function ratedResource(
  name: string,
  overrides: Partial<ApiRatedResource> = {},
): ApiRatedResource {
  const arn = `arn:aws:sqs:eu-west-1:111122223333:${name}`;
  return {
    resource: {
      arn,
      partition: 'aws',
      service: 'sqs',
      region: 'eu-west-1',
      accountId: '111122223333',
      resourceType: 'sqs:queue',
      resourceId: name,
      name,
      tags: { owner: 'payments', environment: 'prod' },
      sourceRegion: 'eu-west-1',
    },
    category: 'abstract',
    ownership: {
      ownerTag: { key: 'owner', value: 'payments' },
      ownerRef: 'group:default/payments',
    },
    rating: {
      arn,
      score: 80,
      rawScore: 80,
      grade: 'B',
      results: [
        {
          checkId: 'tagging.required',
          checklist: 'tagging',
          status: 'fail',
          severity: 'high',
          message: 'Missing required tags: cost-center, application',
          remediation: 'Add the missing tags.',
          command: `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${arn} --tags cost-center=<value>`,
        },
        {
          checkId: 'responsibility.owner-assigned',
          checklist: 'responsibility',
          status: 'pass',
          severity: 'critical',
          message: 'Owner tag owner=payments',
        },
        {
          checkId: 'responsibility.backup',
          checklist: 'responsibility',
          status: 'not-applicable',
          severity: 'high',
          message: 'Not a stateful infrastructure or container resource',
        },
      ],
    },
    consoleUrl: 'https://console.aws.amazon.com/sqs/v2/home',
    lastSeenAt: '2026-01-10T08:00:00.000Z',
    ...overrides,
  };
}

export function resourcePage(
  names: string[],
  overrides: Partial<ApiResourcePage> = {},
): ApiResourcePage {
  return {
    items: names.map(n => ratedResource(n)),
    totalCount: names.length,
    ...overrides,
  };
}

export function scorecardList(
  overrides: Partial<ApiScorecardList> = {},
): ApiScorecardList {
  const base = scorecard();
  return {
    computedAt: '2026-01-10T08:00:00.000Z',
    staleRegions: [],
    items: [
      {
        ...base,
        teamRef: 'group:default/payments',
        displayName: 'Payments',
        score: 72.5,
        grade: 'C',
      },
      {
        ...base,
        teamRef: 'group:default/platform',
        displayName: 'Platform',
        score: 93,
        grade: 'A',
        change: -1.5,
      },
      {
        ...base,
        teamRef: 'unowned',
        displayName: undefined,
        score: 20,
        grade: 'F',
        resourceCount: 9,
        change: undefined,
      },
    ],
    ...overrides,
  };
}

/** A mock API: every method a jest.fn that fails unless given. */
export function mockApi(
  overrides: Partial<AwsOwnershipApi> = {},
): jest.Mocked<AwsOwnershipApi> {
  const notMocked = (name: string) =>
    jest.fn(async () => {
      throw new Error(`${name} not mocked`);
    });
  return {
    getAccounts: jest.fn(async () => [
      { accountId: '111122223333', regions: ['us-east-1', 'eu-west-1'] },
    ]),
    listScorecards: notMocked('listScorecards'),
    getScorecard: notMocked('getScorecard'),
    listResources: jest.fn(async () => resourcePage([])),
    getResource: notMocked('getResource'),
    listChecks: jest.fn(async () => []),
    getHistory: jest.fn(async () => []),
    exportResourcesCsv: notMocked('exportResourcesCsv'),
    listScans: jest.fn(async () => []),
    getScan: notMocked('getScan'),
    startScan: notMocked('startScan'),
    requestExemption: notMocked('requestExemption'),
    listExemptions: jest.fn(async () => []),
    approveExemption: notMocked('approveExemption'),
    revokeExemption: notMocked('revokeExemption'),
    listExemptionEvents: jest.fn(async () => []),
    ...overrides,
  } as jest.Mocked<AwsOwnershipApi>;
}

/**
 * An error as the client throws it for a status: a `ResponseError` over the
 * backend's error body.
 */
export function apiError(
  statusCode: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = {
    error: { name, message },
    request: { method: 'GET', url: '/api/aws-ownership' },
    response: { statusCode },
  };
  return ResponseError.fromResponse({
    ok: false,
    status: statusCode,
    statusText: '',
    url: 'http://localhost:7007/api/aws-ownership',
    redirected: false,
    type: 'basic',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => JSON.stringify(body),
  });
}
