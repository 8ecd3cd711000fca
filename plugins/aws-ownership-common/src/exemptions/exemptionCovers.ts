import type { AwsResource } from '../model/types';
import type { Exemption } from './types';

/**
 * The resource fields a selector looks at.
 *
 * @public
 */
export type SelectableResource = Pick<
  AwsResource,
  'arn' | 'accountId' | 'region' | 'resourceType' | 'tags'
>;

/**
 * Whether an exemption covers a resource: its ARN is listed, or it matches
 * every field of the selector (tag keys compared case-insensitively, like the
 * checks compare them).
 *
 * @public
 */
export function exemptionCovers(
  exemption: Pick<Exemption, 'arns' | 'selector'>,
  resource: SelectableResource,
): boolean {
  if (exemption.arns.includes(resource.arn)) return true;
  const selector = exemption.selector;
  if (!selector) return false;
  if (selector.accountId !== undefined) {
    if (selector.accountId !== resource.accountId) return false;
  }
  if (selector.region !== undefined && selector.region !== resource.region) {
    return false;
  }
  if (
    selector.resourceType !== undefined &&
    selector.resourceType !== resource.resourceType
  ) {
    return false;
  }
  if (selector.tag) {
    const key = selector.tag.key.toLowerCase();
    const found = Object.entries(resource.tags).find(
      ([k]) => k.toLowerCase() === key,
    );
    if (!found || found[1] !== selector.tag.value) return false;
  }
  return true;
}
