/** A row of `scans`. */
export interface ScanRow {
  id: string;
  account_id: string;
  trigger: string;
  requested_by: string | null;
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  regions: string;
  progress: string;
  error: string | null;
  /** Last sign of life of an unfinished scan; null for rows from before 2026-11-29. */
  updated_at: string | null;
}

/** A row of `resources`. */
export interface ResourceRow {
  scan_id: string;
  arn: string;
  account_id: string;
  region: string;
  resource_type: string;
  service: string;
  name: string;
  category: string;
  owner_ref: string | null;
  component_ref: string | null;
  score: number;
  grade: string;
  failing_checks: string;
  check_statuses: string;
  search_text: string;
  data: string;
}

/** A row of `current_regions`. */
export interface CurrentRegionRow {
  account_id: string;
  region: string;
  scan_id: string;
  last_seen_at: string;
  /** 0/1 on SQLite, boolean on PostgreSQL. */
  stale: boolean | number;
}

/** A resource row joined with its current region, as readers select it. */
export type CurrentResourceRow = ResourceRow &
  Pick<CurrentRegionRow, 'last_seen_at' | 'stale'>;

/** A row of `teams`. */
export interface TeamRow {
  ref: string;
  display_name: string | null;
  parent_ref: string | null;
  child_refs: string;
}

/** A row of `team_scores`. */
export interface TeamScoreRow {
  snapshot_id: string;
  team_ref: string;
  computed_at: string;
  score: number;
  grade: string;
  resource_count: number;
  failing_resource_count: number;
  data: string;
}
