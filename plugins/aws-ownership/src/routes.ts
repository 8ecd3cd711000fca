import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** The route of the ownership review page. */
export const rootRouteRef = createRouteRef({ id: 'aws-ownership' });

/** The route of the entity tabs (legacy frontend system). */
export const entityContentRouteRef = createRouteRef({
  id: 'aws-ownership:entity-content',
});

/**
 * An entity's AWS tab, under the catalog's entity page: the tabs are mounted
 * at its path and every link to a team's or component's tab is made from it,
 * from any page (a sub route of `entityRouteRef` carries the entity's params).
 */
export const entityTabRouteRef = createSubRouteRef({
  id: 'aws-ownership:entity-tab',
  parent: entityRouteRef,
  path: '/aws-ownership',
});

/** The route of one review meeting: a frozen scorecard, its changes, fixes and action items. */
export const reviewMeetingRouteRef = createRouteRef({
  id: 'aws-ownership:review-meeting',
  params: ['reviewId'],
});
