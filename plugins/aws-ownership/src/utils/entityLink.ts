import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';

/** The path of the entity tabs, under the entity page. */
export const entityTabPath = 'aws-ownership';

/**
 * A function that gives the catalog page of an entity (or of one of its tabs)
 * from the entity or its ref.
 */
export function useEntityLink() {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityOrRef: Entity | string, tab?: string) => {
      const base = entityRoute(entityRouteParams(entityOrRef));
      return tab ? `${base.replace(/\/$/, '')}/${tab}` : base;
    },
    [entityRoute],
  );
}
