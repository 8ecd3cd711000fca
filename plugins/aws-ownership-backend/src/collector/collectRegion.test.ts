import {
  GetResourcesCommand,
  PaginationTokenExpiredException,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { collectRegion } from './collectRegion';

const mapping = (n: number) => ({
  ResourceARN: `arn:aws:sqs:us-east-1:111122223333:queue-${n}`,
  Tags: [{ Key: 'owner', Value: 'payments' }],
});

describe('collectRegion', () => {
  const client = new ResourceGroupsTaggingAPIClient({ region: 'us-east-1' });
  const aws = mockClient(client);
  afterEach(() => aws.reset());

  // The paginator reuses one input object, so record each call's input as sent.
  function answer(...responses: Array<object | Error>) {
    const sent: Array<Record<string, unknown>> = [];
    let i = 0;
    aws.on(GetResourcesCommand).callsFake(async input => {
      sent.push({ ...input });
      const response = responses[Math.min(i++, responses.length - 1)];
      if (response instanceof Error) throw response;
      return response;
    });
    return sent;
  }

  it('reads every page, 100 a page, with compliance details when asked', async () => {
    const sent = answer(
      { ResourceTagMappingList: [mapping(1)], PaginationToken: 't1' },
      { ResourceTagMappingList: [mapping(2)], PaginationToken: '' },
    );
    const seen: string[] = [];
    const outcome = await collectRegion({
      client,
      includeComplianceDetails: true,
      onPage: async items => {
        seen.push(...items.map(i => i.ResourceARN!));
      },
    });
    expect(outcome).toEqual({ pages: 2, resources: 2, restarts: 0 });
    expect(seen).toHaveLength(2);
    expect(sent[0]).toEqual({
      ResourcesPerPage: 100,
      IncludeComplianceDetails: true,
    });
    expect(sent[1]).toMatchObject({ PaginationToken: 't1' });
  });

  it('starts the listing over when a pagination token expires', async () => {
    const sent = answer(
      { ResourceTagMappingList: [mapping(1)], PaginationToken: 't1' },
      new PaginationTokenExpiredException({
        message: 'expired',
        $metadata: {},
      }),
      { ResourceTagMappingList: [mapping(1)], PaginationToken: 't2' },
      { ResourceTagMappingList: [mapping(2)] },
    );
    const outcome = await collectRegion({
      client,
      includeComplianceDetails: false,
      onPage: async () => {},
    });
    expect(outcome).toEqual({ pages: 3, resources: 3, restarts: 1 });
    expect(sent.map(input => input.PaginationToken)).toEqual([
      undefined,
      't1',
      undefined,
      't2',
    ]);
  });

  it('gives up after the allowed restarts, and on any other error at once', async () => {
    aws.on(GetResourcesCommand).rejects(
      new PaginationTokenExpiredException({
        message: 'expired',
        $metadata: {},
      }),
    );
    await expect(
      collectRegion({
        client,
        includeComplianceDetails: false,
        maxRestarts: 2,
        onPage: async () => {},
      }),
    ).rejects.toThrow('expired');
    expect(aws.commandCalls(GetResourcesCommand)).toHaveLength(3);

    aws.reset();
    aws.on(GetResourcesCommand).rejects(new Error('AccessDenied'));
    await expect(
      collectRegion({
        client,
        includeComplianceDetails: false,
        onPage: async () => {},
      }),
    ).rejects.toThrow('AccessDenied');
    expect(aws.commandCalls(GetResourcesCommand)).toHaveLength(1);
  });
});
