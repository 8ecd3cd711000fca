import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  awsOwnershipScanCreatePermission,
  awsOwnershipScorecardReadPermission,
} from '@aws-ownership/backstage-plugin-common';
import { stringify } from 'csv-stringify';
import type express from 'express';
import { spec } from './schema/openapi.generated';
import type { AwsOwnershipService } from './service/types';
import { csvColumns, toCsvRow } from './service/csvRows';
import { addReviewRoutes } from './reviews/reviewRoutes';
import type { ReviewService } from './reviews/ReviewService';
import { addExemptionRoutes } from './exemptions/exemptionRoutes';
import type { ExemptionService } from './exemptions/types';

/**
 * The validator lets `Infinity` through an integer parameter; anything but a
 * whole number is refused here like `limit=abc`.
 */
function integerParam(name: string, value: number | undefined) {
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw new InputError(`${name} must be a whole number`);
  }
  return value;
}

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: AwsOwnershipService;
  /** The review meetings' service; without it the review routes answer 404. */
  reviews?: ReviewService;
  /** Serves /exemptions when given. */
  exemptions?: ExemptionService;
}

/**
 * The plugin's REST API, mounted at /api/aws-ownership: validated against
 * its OpenAPI document (a bad parameter is a 400 with a message), every route
 * behind Backstage credentials and the plugin's permissions.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, service, reviews } = options;
  const router = createValidatedOpenApiRouter<typeof spec>(spec);

  // typed requests of the validated router are express requests underneath
  const allowed = async <R>(req: R, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  };
  const read = <R>(req: R) => allowed(req, awsOwnershipScorecardReadPermission);

  router.get('/health', async (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/accounts', async (req, res) => {
    await read(req);
    res.json({ items: await service.getAccounts() });
  });

  router.get('/scorecards', async (req, res) => {
    await read(req);
    res.json(await service.listScorecards(req.query));
  });

  router.get('/scorecards/:entityRef', async (req, res) => {
    const credentials = await read(req);
    res.json(
      await service.getScorecard(req.params.entityRef, {
        includeDescendants: req.query.includeDescendants,
        credentials,
      }),
    );
  });

  router.get('/resources', async (req, res) => {
    const credentials = await read(req);
    integerParam('limit', req.query.limit);
    res.json(await service.listResources(req.query, credentials));
  });

  router.get('/resources/:arn', async (req, res) => {
    await read(req);
    res.json(await service.getResource(req.params.arn));
  });

  router.get('/checks', async (req, res) => {
    await read(req);
    res.json({ checks: service.listChecks() });
  });

  router.get('/history/:entityRef', async (req, res) => {
    const credentials = await read(req);
    res.json({
      items: await service.getHistory(req.params.entityRef, {
        limit: integerParam('limit', req.query.limit),
        credentials,
      }),
    });
  });

  router.get('/export.csv', async (req, res) => {
    const credentials = await read(req);
    const pages = service.iterateResources(req.query, credentials);
    // the first page is read before any byte is sent, so a bad cursor or
    // filter still answers with an error status
    const iterator = pages[Symbol.asyncIterator]();
    let next = await iterator.next();
    res.status(200);
    res.type('text/csv');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="aws-ownership-resources.csv"',
    );
    // RFC 4180 (and Excel) end records with CRLF
    const csv = stringify({
      header: true,
      columns: csvColumns,
      record_delimiter: 'windows',
    });
    csv.pipe(res);
    while (!next.done) {
      for (const rated of next.value) {
        if (!csv.write(toCsvRow(rated))) {
          await new Promise(resolve => csv.once('drain', resolve));
        }
      }
      next = await iterator.next();
    }
    csv.end();
  });

  router.get('/scans', async (req, res) => {
    await read(req);
    integerParam('limit', req.query.limit);
    res.json({ items: await service.listScans(req.query) });
  });

  router.post('/scans', async (req, res) => {
    const credentials = await allowed(req, awsOwnershipScanCreatePermission);
    const requestedBy =
      'userEntityRef' in credentials.principal
        ? (credentials.principal as { userEntityRef: string }).userEntityRef
        : undefined;
    res.status(202).json({
      items: await service.startScan({
        accountIds: req.body?.accountIds,
        requestedBy,
      }),
    });
  });

  router.get('/scans/:id', async (req, res) => {
    await read(req);
    res.json(await service.getScan(req.params.id));
  });

  if (reviews) addReviewRoutes(router, { allowed, reviews, service });
  if (options.exemptions) {
    addExemptionRoutes(router, {
      httpAuth,
      read,
      service: options.exemptions,
    });
  }

  return router;
}
