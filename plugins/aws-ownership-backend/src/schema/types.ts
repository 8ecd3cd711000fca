/*
 * The API's types, read from the OpenAPI document (openapi.generated.ts) the
 * way createValidatedOpenApiRouter types its handlers: the spec is their one
 * source, for the router, the service and the store alike.
 */
import type {
  internal,
  QueryParameters,
} from '@backstage/backend-openapi-utils';
import type { spec } from './openapi.generated';

type Spec = typeof spec;
type Schemas = Spec['components']['schemas'];

/** The TypeScript type of one schema of the OpenAPI document. */
export type ApiSchema<Name extends keyof Schemas> = internal.ToTypeSafe<
  internal.SchemaRef<Spec, Schemas[Name]>
>;

/** A resource with its ownership and rating. */
export type RatedResource = ApiSchema<'RatedResource'>;
/** One page of resources. */
export type ResourcePage = ApiSchema<'ResourcePage'>;
/** One team's scorecard in a snapshot. */
export type TeamScorecard = ApiSchema<'TeamScorecard'>;
/** The leaderboard. */
export type ScorecardList = ApiSchema<'ScorecardList'>;
/** One Group, Component, System or `unowned` scorecard. */
export type EntityScorecard = ApiSchema<'EntityScorecard'>;
/** A check definition as configured. */
export type CheckInForce = ApiSchema<'CheckInForce'>;
/** One point of a team's score history. */
export type HistoryPoint = ApiSchema<'HistoryPoint'>;
/** An account and its regions in scope. */
export type ScannedAccount = ApiSchema<'ScannedAccount'>;
/** A scan of one account. */
export type Scan = ApiSchema<'Scan'>;
/** The lifecycle of a scan. */
export type ScanStatus = Scan['status'];
/** One region's outcome within a scan. */
export type ScanRegionOutcome = ApiSchema<'ScanRegionOutcome'>;
/** How far a scan has got. */
export type ScanProgress = Scan['progress'];
/** The query of `/resources` and `/export.csv`. */
export type ResourceListQuery = QueryParameters<Spec, '/resources', 'get'>;
/** The query of `/export.csv`. */
export type ResourceExportQuery = QueryParameters<Spec, '/export.csv', 'get'>;
/** The query of `/scorecards`. */
export type ScorecardListQuery = QueryParameters<Spec, '/scorecards', 'get'>;
