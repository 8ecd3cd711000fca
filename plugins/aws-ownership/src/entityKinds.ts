import type { Entity } from '@backstage/catalog-model';

const kindIn =
  (...kinds: string[]) =>
  (entity: Entity) =>
    kinds.includes(entity.kind.toLocaleLowerCase('en-US'));

/**
 * Whether the "AWS ownership" tab applies: Groups (for `EntitySwitch` /
 * `EntityLayout.Route if`, and the new frontend system's filter).
 *
 * @public
 */
export const isAwsOwnershipGroup = kindIn('group');

/**
 * Whether the "AWS resources" tab applies: Components and Systems.
 *
 * @public
 */
export const isAwsOwnershipResourceHolder = kindIn('component', 'system');

/**
 * Whether the summary card applies: Groups and Components.
 *
 * @public
 */
export const isAwsOwnershipSummaryAvailable = kindIn('group', 'component');
