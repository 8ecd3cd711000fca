import type {
  CheckStatus,
  Grade,
  RankedFix,
  ScoreAndGrade,
  TeamScore,
} from '@aws-ownership/backstage-plugin-common';
import type { ApiSchema } from '../schema/types';

/** The scope of a review: one Group (optionally with its sub-Groups), `unowned`, or the organisation. */
export interface ReviewScope {
  /** A Group ref, `unowned`, or `organisation`. */
  entityRef: string;
  /** Whether the Group's sub-Groups are included. */
  includeDescendants: boolean;
}

/** The entity ref that names the whole organisation as a review scope. */
export const organisationScope = 'organisation';

/** A team's scorecard as frozen in a review. */
export type FrozenTeamScore = TeamScore & {
  /** The team's ref (`unowned` for resources without a resolvable owner). */
  teamRef: string;
  /** Its display name when the review was taken. */
  displayName: string;
};

/** A review: one scope's scorecard frozen at a moment. */
export interface Review extends ReviewScope {
  id: string;
  title?: string;
  /** Who took it (a user entity ref). */
  createdBy?: string;
  /** When (ISO 8601). */
  createdAt: string;
  /** The scope's display name. */
  displayName: string;
  /** The scope as a whole. */
  total: TeamScore;
  /** Every team in the scope, unowned first. */
  teams: FrozenTeamScore[];
  /** The previous review of the same scope, if any. */
  previousReviewId?: string;
}

/** A review as listed: without the per-team scorecards. */
export type ReviewSummary = Omit<Review, 'teams' | 'total'> &
  ScoreAndGrade & { resourceCount: number };

/** One resource of a review's snapshot. */
export interface SnapshotResource {
  arn: string;
  ownerRef?: string;
  componentRef?: string;
  name: string;
  resourceType: string;
  score: number;
  /** The encoded check statuses (checkStatusCodec). */
  checkStatuses: string;
  /**
   * How the resource crossed a team scope's edge since the scope's previous
   * review: `in`, it came into the scope (from `ownerBefore`); `out`, it is
   * kept, out of scope, to show where it went. Absent otherwise.
   */
  move?: 'in' | 'out';
  /** With `move: 'in'`: the owner when the previous review was taken; absent: unowned. */
  ownerBefore?: string;
}

/** The status of an action item. */
export type ActionStatus = 'open' | 'done' | 'dropped';

/** An action item agreed in a review. */
export interface ActionItem {
  id: string;
  reviewId: string;
  title: string;
  /** A user or group entity ref. */
  assignee: string;
  /** YYYY-MM-DD. */
  due?: string;
  /** Resources the action is about; with `checkId`, it closes itself when they pass it. */
  arns: string[];
  checkId?: string;
  status: ActionStatus;
  note?: string;
  /** The scan that closed it, when it closed itself. */
  closedByScan?: string;
  createdBy?: string;
  createdAt: string;
  updatedAt: string;
}

/** One resource that changed between two reviews of a scope. */
export interface ResourceChange {
  arn: string;
  name: string;
  resourceType: string;
  /**
   * `new`: in the later review only; `gone`: in the earlier only; `changed`:
   * in both, or moved into a team scope since the earlier review (`move`).
   */
  kind: 'new' | 'gone' | 'changed';
  /** Checks that passed (or did not apply) before and fail now. */
  regressed: string[];
  /** Checks that failed before and pass now. */
  fixed: string[];
  /** The owner before and after, when it changed. */
  owner?: { from?: string; to?: string };
  /** Team scopes: `in`, the resource came into the scope; `out`, it left it. */
  move?: 'in' | 'out';
  /** Score before and after (absent on the side the resource is missing from). */
  scoreBefore?: number;
  scoreAfter?: number;
}

/** How one score moved between two reviews. */
export interface ScoreDelta {
  before?: ScoreAndGrade;
  after?: ScoreAndGrade;
  /** `after - before`, one decimal; absent when either side is. */
  change?: number;
}

/** A team's movement between two reviews. */
export interface TeamDelta extends ScoreDelta {
  teamRef: string;
  displayName: string;
  checklists: Record<string, ScoreDelta>;
}

/** One page of what changed between two reviews. */
export interface ReviewChanges {
  reviewId: string;
  /** The earlier review compared against; absent for the first review of a scope. */
  sinceReviewId?: string;
  sinceCreatedAt?: string;
  total: TeamDelta;
  teams: TeamDelta[];
  items: ResourceChange[];
  /** First page only: the exemptions of the scope's teams that started, expired or were revoked between the two reviews. */
  exemptions?: ReviewExemptionChange[];
  nextCursor?: string;
}

/** An exemption that started, expired or was revoked between two reviews. */
export type ReviewExemptionChange = ApiSchema<'ReviewExemptionChange'>;

/** A check's status in a snapshot. */
export type SnapshotStatus = CheckStatus;

/** The fix list of a review. */
export interface ReviewFixes {
  reviewId: string;
  items: Array<RankedFix & { title: string; checklist: string }>;
}

/** Grade movement used in the pack and the fix list. */
export type GradeChange = { from: Grade; to: Grade };
