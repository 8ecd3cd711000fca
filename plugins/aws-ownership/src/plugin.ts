import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AwsOwnershipClient } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

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
  ],
  routes: {
    root: rootRouteRef,
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
