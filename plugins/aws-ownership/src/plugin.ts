import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  AwsOwnershipClient,
  AwsOwnershipReviewsClient,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef, awsOwnershipReviewsApiRef } from './api';
import {
  entityContentRouteRef,
  reviewMeetingRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The aws-ownership frontend plugin for the legacy frontend system.
 *
 * @public
 */
export const awsOwnershipPlugin = createPlugin({
  id: 'aws-ownership',
  apis: [
    createApiFactory({
      api: awsOwnershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOwnershipClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: awsOwnershipReviewsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOwnershipReviewsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    reviewMeeting: reviewMeetingRouteRef,
  },
});

/**
 * The ownership review page (legacy frontend system).
 *
 * @public
 */
export const AwsOwnershipReviewPage = awsOwnershipPlugin.provide(
  createRoutableExtension({
    name: 'AwsOwnershipReviewPage',
    component: () =>
      import('./components/OwnershipReviewPage').then(
        m => m.OwnershipReviewPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A review meeting page (legacy frontend system): mount it at a path with a
 * `:reviewId` parameter, e.g. `/aws-ownership-reviews/:reviewId`.
 *
 * @public
 */
export const AwsOwnershipReviewMeetingPage = awsOwnershipPlugin.provide(
  createRoutableExtension({
    name: 'AwsOwnershipReviewMeetingPage',
    component: () =>
      import('./components/ReviewMeetingPage').then(m => m.ReviewMeetingPage),
    mountPoint: reviewMeetingRouteRef,
  }),
);

/**
 * The "AWS ownership" tab of a Group page (legacy frontend system).
 *
 * @public
 */
export const EntityAwsOwnershipContent = awsOwnershipPlugin.provide(
  createRoutableExtension({
    name: 'EntityAwsOwnershipContent',
    component: () =>
      import('./components/GroupScorecardContent').then(
        m => m.GroupScorecardContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "AWS resources" tab of a Component or System page (legacy frontend system).
 *
 * @public
 */
export const EntityAwsResourcesContent = awsOwnershipPlugin.provide(
  createRoutableExtension({
    name: 'EntityAwsResourcesContent',
    component: () =>
      import('./components/EntityResourcesContent').then(
        m => m.EntityResourcesContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The summary card of a Group or Component overview (legacy frontend system).
 *
 * @public
 */
export const EntityAwsOwnershipCard = awsOwnershipPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsOwnershipCard',
    component: {
      lazy: () =>
        import('./components/ScorecardSummaryCard').then(
          m => m.ScorecardSummaryCard,
        ),
    },
  }),
);
