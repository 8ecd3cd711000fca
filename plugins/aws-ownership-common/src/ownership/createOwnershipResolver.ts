import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { OwnershipContext } from '../model/types';
import { findTagByKeys } from './findTagByKeys';

/**
 * The annotation on a Group (or Component) listing other spellings of its name found in tags.
 *
 * @public
 */
export const ownerAliasesAnnotation = 'aws-ownership/owner-aliases';

/**
 * What an ownership resolver needs besides the catalog entities.
 *
 * @public
 */
export interface OwnershipResolverOptions {
  /** Tag keys naming the owning team, first present wins (case-insensitive). */
  ownerTagKeys: ReadonlyArray<string>;
  /** Tag keys naming the Component or System. */
  componentTagKeys: ReadonlyArray<string>;
  /** Group annotations that declare an escalation path. */
  escalationAnnotations: ReadonlyArray<string>;
}

/**
 * Resolves a resource's tags to its owner and component against one catalog snapshot.
 *
 * @public
 */
export interface OwnershipResolver {
  /** The ownership context of a resource with these tags. */
  resolve(tags: Readonly<Record<string, string>>): OwnershipContext;
  /** The Group ref a tag value resolves to, or undefined when it dangles. */
  resolveGroup(value: string): string | undefined;
  /** The Component or System ref a tag value resolves to, or undefined. */
  resolveComponent(value: string): string | undefined;
}

type Index = {
  refs: Map<string, string>;
  names: Map<string, string>;
  emails: Map<string, string>;
  aliases: Map<string, string>;
};

const fold = (value: string) => value.trim().toLocaleLowerCase('en-US');

function newIndex(): Index {
  return {
    refs: new Map(),
    names: new Map(),
    emails: new Map(),
    aliases: new Map(),
  };
}

function put(map: Map<string, string>, key: unknown, ref: string) {
  if (typeof key !== 'string' || key.trim() === '') return;
  const folded = fold(key);
  if (!map.has(folded)) map.set(folded, ref);
}

/** An entity's ref in lowercase: entity refs compare case-insensitively. */
const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

function addEntity(index: Index, entity: Entity) {
  const ref = refOf(entity);
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: unknown;
    email?: unknown;
  };
  put(index.refs, ref, ref);
  put(index.names, entity.metadata.name, ref);
  put(index.names, entity.metadata.title, ref);
  put(index.names, profile.displayName, ref);
  put(index.emails, profile.email, ref);
  const aliases = entity.metadata.annotations?.[ownerAliasesAnnotation] ?? '';
  for (const alias of aliases.split(',')) put(index.aliases, alias, ref);
}

function lookup(
  index: Index,
  value: string,
  defaultKinds: ReadonlyArray<string>,
): string | undefined {
  const folded = fold(value);
  if (!folded) return undefined;
  // 1. a full or short entity ref
  for (const defaultKind of defaultKinds) {
    try {
      const ref = stringifyEntityRef(
        parseEntityRef(folded, { defaultKind, defaultNamespace: 'default' }),
      );
      const hit = index.refs.get(fold(ref));
      if (hit) return hit;
    } catch {
      // not an entity ref: try the other rules
    }
  }
  // 2. name or display name, 3. email, 4. an alias annotation
  return (
    index.names.get(folded) ??
    index.emails.get(folded) ??
    index.aliases.get(folded)
  );
}

/**
 * Builds the owner and component resolver of CHECKLISTS.md section 2 from one
 * catalog snapshot: Groups by entity ref, then name or display name, then
 * email, then the `aws-ownership/owner-aliases` annotation; Components and
 * Systems the same way. Entities are indexed in ref order, so the first
 * match is deterministic.
 *
 * @public
 */
export function createOwnershipResolver(
  entities: ReadonlyArray<Entity>,
  options: OwnershipResolverOptions,
): OwnershipResolver {
  const groups = newIndex();
  const components = newIndex();
  const escalated = new Set<string>();
  const sorted = [...entities].sort((a, b) => refOf(a).localeCompare(refOf(b)));
  for (const entity of sorted) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    if (kind === 'group') {
      addEntity(groups, entity);
      const annotations = entity.metadata.annotations ?? {};
      if (options.escalationAnnotations.some(a => annotations[a]?.trim())) {
        escalated.add(refOf(entity));
      }
    } else if (kind === 'component' || kind === 'system') {
      addEntity(components, entity);
    }
  }

  const resolveGroup = (value: string) => lookup(groups, value, ['group']);
  const resolveComponent = (value: string) =>
    lookup(components, value, ['component', 'system']);

  return {
    resolveGroup,
    resolveComponent,
    resolve(tags) {
      const context: OwnershipContext = {};
      const ownerTag = findTagByKeys(tags, options.ownerTagKeys);
      if (ownerTag) {
        context.ownerTag = ownerTag;
        const ownerRef = resolveGroup(ownerTag.value);
        if (ownerRef) {
          context.ownerRef = ownerRef;
          context.ownerHasEscalation = escalated.has(ownerRef);
        }
      }
      const componentTag = findTagByKeys(tags, options.componentTagKeys);
      if (componentTag) {
        const componentRef = resolveComponent(componentTag.value);
        if (componentRef) context.componentRef = componentRef;
      }
      return context;
    },
  };
}
