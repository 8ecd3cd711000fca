import type { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { StoredTeam } from '../database/types';

/** The catalog as one scan sees it. */
export interface CatalogSnapshot {
  /** Groups, Components and Systems, for owner and component resolution. */
  entities: Entity[];
  /** The Group hierarchy, for rollups. */
  teams: StoredTeam[];
}

/** Reads the Groups, Components and Systems once, with the plugin's own credentials. */
export async function loadCatalogSnapshot(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CatalogSnapshot> {
  const { items } = await catalog.getEntities(
    {
      filter: [{ kind: 'Group' }, { kind: 'Component' }, { kind: 'System' }],
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.profile',
        'relations',
      ],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const teams: StoredTeam[] = items
    .filter(e => e.kind.toLocaleLowerCase('en-US') === 'group')
    .map(group => {
      const relations = group.relations ?? [];
      const profile = (group.spec?.profile ?? {}) as { displayName?: string };
      return {
        ref: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
        displayName:
          profile.displayName ?? group.metadata.title ?? group.metadata.name,
        parentRef: relations
          .find(r => r.type === RELATION_CHILD_OF)
          ?.targetRef.toLocaleLowerCase('en-US'),
        childRefs: relations
          .filter(r => r.type === RELATION_PARENT_OF)
          .map(r => r.targetRef.toLocaleLowerCase('en-US'))
          .sort(),
      };
    });
  return { entities: items, teams };
}
