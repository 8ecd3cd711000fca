export { DatabaseAwsOwnershipStore } from './DatabaseAwsOwnershipStore';
export type {
  AwsOwnershipStore,
  NewScan,
  RatingForAggregation,
  ResourceFilter,
  ResourceQuery,
  ResourceSortField,
  ScanCompletion,
  StoredTeam,
} from './types';
