import { createRouteRef } from '@backstage/core-plugin-api';

/** The route of the ownership review page. */
export const rootRouteRef = createRouteRef({ id: 'aws-ownership' });

/** The route of the entity tabs (legacy frontend system). */
export const entityContentRouteRef = createRouteRef({
  id: 'aws-ownership:entity-content',
});
