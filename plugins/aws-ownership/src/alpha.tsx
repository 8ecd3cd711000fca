import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import CloudIcon from '@material-ui/icons/CloudQueue';
import {
  AwsOwnershipClient,
  AwsOwnershipReviewsClient,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef, awsOwnershipReviewsApiRef } from './api';
import {
  entityTabRouteRef,
  reviewMeetingRouteRef,
  rootRouteRef,
} from './routes';
import {
  isAwsOwnershipGroup,
  isAwsOwnershipResourceHolder,
  isAwsOwnershipSummaryAvailable,
} from './entityKinds';

/**
 * The client of the aws-ownership backend.
 *
 * @alpha
 */
export const awsOwnershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsOwnershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOwnershipClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The client of the review meeting routes.
 *
 * @alpha
 */
export const awsOwnershipReviewsApi = ApiBlueprint.make({
  name: 'reviews',
  params: defineParams =>
    defineParams({
      api: awsOwnershipReviewsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsOwnershipReviewsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * A review meeting page (opened by "Start review" or from past reviews).
 *
 * @alpha
 */
export const awsOwnershipReviewMeetingPage = PageBlueprint.make({
  name: 'review-meeting',
  params: {
    path: '/aws-ownership-reviews/:reviewId',
    routeRef: convertLegacyRouteRef(reviewMeetingRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/ReviewMeetingPage').then(m => (
        <m.ReviewMeetingPage />
      )),
  },
});

/**
 * The ownership review page, listed in the sidebar.
 *
 * @alpha
 */
export const awsOwnershipReviewPage = PageBlueprint.make({
  params: {
    path: '/aws-ownership',
    title: 'AWS ownership',
    icon: <CloudIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/OwnershipReviewPage').then(m => (
        <m.OwnershipReviewPage />
      )),
  },
});

/**
 * The "AWS ownership" tab of Group pages.
 *
 * @alpha
 */
export const awsOwnershipGroupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: entityTabRouteRef.path,
    title: 'AWS ownership',
    filter: isAwsOwnershipGroup,
    loader: () =>
      import('./components/GroupScorecardContent').then(m => (
        <m.GroupScorecardContent />
      )),
  },
});

/**
 * The "AWS resources" tab of Component and System pages.
 *
 * @alpha
 */
export const awsOwnershipResourcesContent = EntityContentBlueprint.make({
  name: 'resources',
  params: {
    path: entityTabRouteRef.path,
    title: 'AWS resources',
    filter: isAwsOwnershipResourceHolder,
    loader: () =>
      import('./components/EntityResourcesContent').then(m => (
        <m.EntityResourcesContent />
      )),
  },
});

/**
 * The summary card on Group and Component overviews.
 *
 * @alpha
 */
export const awsOwnershipSummaryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: isAwsOwnershipSummaryAvailable,
    loader: () =>
      import('./components/ScorecardSummaryCard').then(m => (
        <m.ScorecardSummaryCard />
      )),
  },
});

/**
 * The aws-ownership frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aws-ownership',
  title: 'AWS ownership',
  icon: <CloudIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    reviewMeeting: reviewMeetingRouteRef,
  }),
  extensions: [
    awsOwnershipApi,
    awsOwnershipReviewsApi,
    awsOwnershipReviewMeetingPage,
    awsOwnershipReviewPage,
    awsOwnershipGroupContent,
    awsOwnershipResourcesContent,
    awsOwnershipSummaryCard,
  ],
});
