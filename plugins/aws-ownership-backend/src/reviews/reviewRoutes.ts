import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import {
  awsOwnershipActionUpdatePermission,
  awsOwnershipReviewCreatePermission,
  awsOwnershipScorecardReadPermission,
} from '@aws-ownership/backstage-plugin-common';
import type { spec } from '../schema/openapi.generated';
import type { AwsOwnershipService } from '../service/types';
import type { ReviewService } from './ReviewService';

type Router = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

const userOf = (credentials: BackstageCredentials): string | undefined =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef;

/** Mounts the review routes: reading needs the read permission, taking a review and adding actions `review.create`, changing one `action.update`. */
export function addReviewRoutes(
  router: Router,
  options: {
    allowed: <R>(
      req: R,
      permission: BasicPermission,
    ) => Promise<BackstageCredentials>;
    reviews: ReviewService;
    service: AwsOwnershipService;
  },
): void {
  const { allowed, reviews, service } = options;
  const read = <R>(req: R) => allowed(req, awsOwnershipScorecardReadPermission);

  router.get('/reviews', async (req, res) => {
    await read(req);
    res.json({ items: await reviews.listReviews(req.query) });
  });

  router.post('/reviews', async (req, res) => {
    const credentials = await allowed(req, awsOwnershipReviewCreatePermission);
    res.status(201).json(
      await reviews.createReview(req.body, {
        credentials,
        createdBy: userOf(credentials),
      }),
    );
  });

  router.get('/reviews/:id', async (req, res) => {
    await read(req);
    res.json(await reviews.getReview(req.params.id));
  });

  router.get('/reviews/:id/changes', async (req, res) => {
    await read(req);
    res.json(await reviews.getChanges(req.params.id, req.query));
  });

  router.get('/reviews/:id/fixes', async (req, res) => {
    await read(req);
    res.json(await reviews.getFixes(req.params.id));
  });

  router.get('/reviews/:id/pack.md', async (req, res) => {
    await read(req);
    const markdown = await reviews.getPack(
      req.params.id,
      async (arn, checkId) => {
        const rated = await service.getResource(arn).catch(() => undefined);
        return rated?.rating.results.find(r => r.checkId === checkId)?.command;
      },
    );
    res.status(200);
    res.type('text/markdown');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="aws-ownership-review-${req.params.id}.md"`,
    );
    res.send(markdown);
  });

  router.post('/reviews/:id/actions', async (req, res) => {
    const credentials = await allowed(req, awsOwnershipReviewCreatePermission);
    res
      .status(201)
      .json(
        await reviews.addAction(req.params.id, req.body, userOf(credentials)),
      );
  });

  router.patch('/actions/:id', async (req, res) => {
    await allowed(req, awsOwnershipActionUpdatePermission);
    res.json(await reviews.updateAction(req.params.id, req.body));
  });
}
