import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const examples = resolve(__dirname, '../../../../examples');

/**
 * The demo catalog (examples/org.yaml and components.yaml) as the catalog
 * would serve it, with the Group hierarchy's relations filled in.
 */
export function exampleEntities(): Entity[] {
  const entities = ['org.yaml', 'components.yaml'].flatMap(file =>
    parseAllDocuments(readFileSync(resolve(examples, file), 'utf8'))
      .map(doc => doc.toJSON() as Entity)
      .filter(Boolean),
  );
  const groupRef = (ref: string) =>
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  for (const entity of entities) {
    if (entity.kind !== 'Group') continue;
    const spec = entity.spec as { parent?: string; children?: string[] };
    entity.relations = [
      ...(spec.parent
        ? [{ type: RELATION_CHILD_OF, targetRef: groupRef(spec.parent) }]
        : []),
      ...(spec.children ?? []).map(child => ({
        type: RELATION_PARENT_OF,
        targetRef: groupRef(child),
      })),
    ];
  }
  return entities;
}
