export { ResourceFilters } from './ResourceFilters';
export type { ResourceFilterValues } from './ResourceFilters';
