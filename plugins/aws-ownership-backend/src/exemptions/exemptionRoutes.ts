import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type express from 'express';
import type { spec } from '../schema/openapi.generated';
import type { ExemptionService } from './types';

type ApiRouter = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/**
 * The exemption routes. Listing needs the read permission (`read`); request,
 * approval and revocation are decided per exemption by the service.
 */
export function addExemptionRoutes(
  router: ApiRouter,
  options: {
    httpAuth: HttpAuthService;
    read: (req: unknown) => Promise<unknown>;
    service: ExemptionService;
  },
) {
  const { httpAuth, read, service } = options;
  const credentials = (req: unknown) =>
    httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });

  router.get('/exemptions', async (req, res) => {
    await read(req);
    res.json({ items: await service.list(req.query) });
  });

  router.post('/exemptions', async (req, res) => {
    res
      .status(201)
      .json(await service.request(req.body, await credentials(req)));
  });

  router.post('/exemptions/:id/approve', async (req, res) => {
    res.json(await service.approve(req.params.id, await credentials(req)));
  });

  router.post('/exemptions/:id/revoke', async (req, res) => {
    res.json(await service.revoke(req.params.id, await credentials(req)));
  });

  router.get('/exemptions/:id/events', async (req, res) => {
    await read(req);
    res.json({ items: await service.events(req.params.id) });
  });
}
