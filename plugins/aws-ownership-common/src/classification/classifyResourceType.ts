import type { ResponsibilityCategory } from '../model/types';
import { classificationTable } from './table';

const categoryByType = new Map<string, ResponsibilityCategory>(
  Object.entries(classificationTable).map(([type, entry]) => [
    type,
    entry.category,
  ]),
);

/**
 * The Shared Responsibility category of a `service:type`, from the
 * classification table with the adopter's `overrides` applied first.
 *
 * @public
 */
export function classifyResourceType(
  resourceType: string,
  overrides?: Readonly<Record<string, ResponsibilityCategory>>,
): ResponsibilityCategory {
  if (
    overrides &&
    Object.prototype.hasOwnProperty.call(overrides, resourceType)
  ) {
    return overrides[resourceType];
  }
  return categoryByType.get(resourceType) ?? 'unclassified';
}
