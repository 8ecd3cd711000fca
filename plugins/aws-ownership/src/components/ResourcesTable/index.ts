export { ResourcesTable } from './ResourcesTable';
export type {
  ResourcesTableProps,
  ResourceSort,
  SortOrder,
} from './ResourcesTable';
