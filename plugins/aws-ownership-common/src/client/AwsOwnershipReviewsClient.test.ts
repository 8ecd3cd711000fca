import { ResponseError } from '@backstage/errors';
import { AwsOwnershipReviewsClient } from './AwsOwnershipReviewsClient';

const baseUrl = 'http://backend.test/api/aws-ownership';

/** A fetchApi like the portal's: it builds a new Request from what it gets. */
function clientAnswering(response: () => Response) {
  const requests: Request[] = [];
  const client = new AwsOwnershipReviewsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: (async (input: RequestInfo, init?: RequestInit) => {
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

describe('AwsOwnershipReviewsClient', () => {
  it('posts a review with its JSON body through a fetchApi that copies requests', async () => {
    const { client, requests } = clientAnswering(() => json({ id: 'r1' }, 201));
    await expect(
      client.createReview({ entityRef: 'group:default/payments' }),
    ).resolves.toEqual({ id: 'r1' });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).toBe(`${baseUrl}/reviews`);
    expect(await requests[0].json()).toEqual({
      entityRef: 'group:default/payments',
    });
  });

  it('patches an action item and reads the pack as text', async () => {
    const { client, requests } = clientAnswering(() =>
      json({ id: 'a1', status: 'done' }),
    );
    await client.updateAction('a1', { status: 'done' });
    expect(requests[0].method).toBe('PATCH');
    expect(await requests[0].json()).toEqual({ status: 'done' });

    const text = clientAnswering(
      () =>
        new Response('# Ownership review', {
          headers: { 'content-type': 'text/markdown' },
        }),
    );
    await expect(text.client.getPack('r1')).resolves.toBe('# Ownership review');
    expect(await client.getPackUrl('r 1')).toBe(
      `${baseUrl}/reviews/r%201/pack.md`,
    );
  });

  it('rejects with the backend error on a bad status', async () => {
    const { client } = clientAnswering(() =>
      json(
        {
          error: { name: 'NotFoundError', message: 'No review x' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    const error = await client.getReview('x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('No review x');
  });
});
