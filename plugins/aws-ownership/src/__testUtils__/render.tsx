import { ReactElement } from 'react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type {
  AwsOwnershipApi,
  AwsOwnershipReviewsApi,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef, awsOwnershipReviewsApiRef } from '../api';
import { reviewMeetingRouteRef } from '../routes';

/** Renders an element in a test app with the mock API (and an entity, if given). */
export function renderWithApi(
  element: ReactElement,
  options: {
    api: AwsOwnershipApi;
    reviewsApi?: Partial<AwsOwnershipReviewsApi>;
    entity?: Entity;
    canScan?: boolean;
  },
) {
  return renderInTestApp(
    options.entity ? (
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    ) : (
      element
    ),
    {
      apis: [
        [awsOwnershipApiRef, options.api],
        [
          awsOwnershipReviewsApiRef,
          (options.reviewsApi ?? {}) as AwsOwnershipReviewsApi,
        ],
        mockApis.permission({
          // AuthorizeResult's values; plugin-permission-common is not a dependency
          authorize: (options.canScan ? 'ALLOW' : 'DENY') as any,
        }),
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/aws-ownership-reviews/:reviewId': reviewMeetingRouteRef,
      },
    },
  );
}
