import createClient from 'openapi-fetch';
import { ResponseError } from '@backstage/errors';
import type { paths } from './openapi.generated';

/** The portal's fetch, which adds the user's token. */
type PortalFetch = {
  fetch(input: string, init?: RequestInit): Promise<Response>;
};

/**
 * An openapi-fetch client of the aws-ownership API that calls through the
 * portal's `fetchApi` and rejects a status other than 2xx with
 * `ResponseError` from `@backstage/errors`.
 */
export function createPortalClient(fetchApi: PortalFetch) {
  const client = createClient<paths>({
    // the portal's fetchApi rebuilds the Request in each of its middlewares,
    // which a Request with a body survives only once: pass a URL and init
    fetch: async (request: Request) =>
      fetchApi.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body:
          request.method === 'GET' || request.method === 'HEAD'
            ? undefined
            : await request.text(),
        signal: request.signal,
      }),
  });
  // before openapi-fetch reads the body, so the error keeps the backend's
  // error body (name, message) for ResponseErrorPanel
  client.use({
    async onResponse({ response }) {
      if (!response.ok) throw await ResponseError.fromResponse(response);
      return undefined;
    },
  });
  return client;
}

/** The body of a 2xx answer; an answer without one is an error. */
export function unwrap<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(
      `The aws-ownership API answered ${result.response.status} without a body`,
    );
  }
  return result.data;
}
