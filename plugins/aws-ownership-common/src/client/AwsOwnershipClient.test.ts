import { ResponseError } from '@backstage/errors';
import { AwsOwnershipClient } from './AwsOwnershipClient';

const baseUrl = 'http://backend.test/api/aws-ownership';

function clientAnswering(response: () => Response) {
  const requests: Request[] = [];
  const client = new AwsOwnershipClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (async (input: string, init?: RequestInit) => {
        requests.push(new Request(input, init));
        return response();
      }) as typeof fetch,
    },
  });
  return { client, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('AwsOwnershipClient', () => {
  it('calls the backend found by discovery, with the query, and returns the body', async () => {
    const page = { items: [], totalCount: 0 };
    const { client, requests } = clientAnswering(() => json(page));

    await expect(
      client.listResources({ owner: ['group:default/payments'], limit: 5 }),
    ).resolves.toEqual(page);

    const url = new URL(requests[0].url);
    expect(`${url.origin}${url.pathname}`).toBe(`${baseUrl}/resources`);
    expect(url.searchParams.get('owner')).toBe('group:default/payments');
    expect(url.searchParams.get('limit')).toBe('5');
  });

  it('encodes an entity ref in the path', async () => {
    const { client, requests } = clientAnswering(() => json({ items: [] }));
    await client.getHistory('group:default/payments');
    expect(requests[0].url).toBe(
      `${baseUrl}/history/group%3Adefault%2Fpayments`,
    );
  });

  it('returns the CSV export as text', async () => {
    const { client } = clientAnswering(
      () =>
        new Response('arn,score\narn:aws:sqs:eu-west-1:1:q,80\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    );
    await expect(client.exportResourcesCsv()).resolves.toBe(
      'arn,score\narn:aws:sqs:eu-west-1:1:q,80\n',
    );
  });

  it("rejects a bad status with a ResponseError carrying the backend's error", async () => {
    const { client } = clientAnswering(() =>
      json(
        {
          error: { name: 'NotFoundError', message: 'No scorecard for x' },
          request: { method: 'GET', url: '/scorecards/x' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );

    const error = await client.getScorecard('group:default/x').then(
      () => undefined,
      e => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'No scorecard for x',
    });
  });

  it('rejects a bad status without a JSON body as a ResponseError too', async () => {
    const { client } = clientAnswering(
      () => new Response('upstream down', { status: 502 }),
    );
    const error = await client.listChecks().then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
  });

  it('rejects a success without a body instead of returning undefined', async () => {
    const { client } = clientAnswering(
      () => new Response(null, { status: 200 }),
    );
    await expect(
      client.getResource('arn:aws:sqs:eu-west-1:1:q'),
    ).rejects.toThrow('The aws-ownership API answered 200 without a body');
  });

  it('posts an exemption request as JSON, through a fetch that may rebuild the request', async () => {
    const body = {
      checkId: 'tagging.required',
      arns: ['arn:aws:s3:::website'],
      reason: 'The bucket serves the public website',
      expiresAt: '2026-12-24T23:59:59.000Z',
    };
    const { client, requests } = clientAnswering(() =>
      json({ ...body, id: 'ex-1', status: 'pending' }, 201),
    );
    await expect(client.requestExemption(body)).resolves.toMatchObject({
      id: 'ex-1',
    });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).toBe(`${baseUrl}/exemptions`);
    // a middleware rebuilding the request twice still reads the body
    const rebuilt = new Request(new Request(requests[0]));
    expect(await rebuilt.json()).toEqual(body);
  });
});
