import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { entityTabRouteRef } from '../routes';

/** A function that gives the link to an entity's AWS tab, from the entity or its ref. */
export function useEntityTabLink() {
  const entityTab = useRouteRef(entityTabRouteRef);
  return useCallback(
    (entityOrRef: Entity | string) => entityTab(entityRouteParams(entityOrRef)),
    [entityTab],
  );
}
