import { randomUUID } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type Check,
  checkDefinitions,
  createTeamScoreAccumulator,
  gradeForScore,
  rankFixes,
  type ResourceRating,
  type TeamScoreAccumulator,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import type { AwsOwnershipConfig } from '../config/types';
import { decodeCheckStatuses } from '../database/checkStatusCodec';
import type { AwsOwnershipStore, StoredTeam } from '../database/types';
import type { ExemptionStore } from '../exemptions/types';
import { normalizeEntityRef } from '../service/entityRefs';
import { teamWithDescendants } from '../service/teamTree';
import type { DatabaseReviewStore } from './DatabaseReviewStore';
import { scopeKey } from './DatabaseReviewStore';
import { type PackCheck, renderPack } from './renderPack';
import { diffResource, diffScore, diffTeams } from './diffReviews';
import { exemptionChangesBetween } from './exemptionChanges';
import {
  type ActionItem,
  type ActionStatus,
  type FrozenTeamScore,
  organisationScope,
  type Review,
  type ReviewChanges,
  type ReviewFixes,
  type ReviewScope,
  type ReviewSummary,
  type SnapshotResource,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A review with its action items. */
export type ReviewWithActions = Review & { actions: ActionItem[] };

/** What a new action item says. */
export interface NewActionItem {
  title: string;
  assignee: string;
  due?: string;
  arns?: string[];
  checkId?: string;
}

function requireDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(`due must be a date (YYYY-MM-DD), got '${value}'`);
  }
  return value;
}

function requireAssignee(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `assignee must be a user or group ref: ${(error as Error).message}`,
    );
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (kind !== 'user' && kind !== 'group') {
    throw new InputError(
      `assignee must be a user or group ref, got a ${ref.kind}`,
    );
  }
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/** A snapshot row as a rating the common package scores. */
export function snapshotRating(resource: SnapshotResource): ResourceRating {
  return {
    arn: resource.arn,
    score: resource.score,
    grade: gradeForScore(resource.score),
    rawScore: resource.score,
    results: decodeCheckStatuses(resource.checkStatuses),
  };
}

/** The owners whose resources a scope covers; undefined: every owner (the organisation). */
function scopeOwnerRefs(
  scope: ReviewScope,
  teams: ReadonlyArray<StoredTeam>,
): string[] | undefined {
  if (scope.entityRef === organisationScope) return undefined;
  if (scope.entityRef === unownedTeamRef) return [unownedTeamRef];
  return scope.includeDescendants
    ? teamWithDescendants(teams, scope.entityRef)
    : [scope.entityRef];
}

const encodeCursor = (arn: string) => Buffer.from(arn).toString('base64url');
function decodeCursor(cursor: string): string {
  const arn = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!arn.startsWith('arn:')) throw new InputError('cursor is malformed');
  return arn;
}

/** Reviews, their changes, fix lists and action items. */
export class ReviewService {
  constructor(
    private readonly options: {
      config: AwsOwnershipConfig;
      store: AwsOwnershipStore;
      reviews: DatabaseReviewStore;
      /** Where the exemptions a review lists come from. */
      exemptions: Pick<ExemptionStore, 'listChangedBetween'>;
      catalog: CatalogService;
      extraChecks: ReadonlyArray<Check>;
      logger?: LoggerService;
    },
  ) {}

  /** The scope a request names: `organisation`, `unowned` or a Group ref. */
  private normalizeScope(entityRef: string): string {
    if (entityRef.trim().toLocaleLowerCase('en-US') === organisationScope) {
      return organisationScope;
    }
    return normalizeEntityRef(entityRef, 'group', ['group']).ref;
  }

  /** Freezes the scope's current scorecard as a new review. */
  async createReview(
    input: { entityRef: string; includeDescendants?: boolean; title?: string },
    options: { credentials: BackstageCredentials; createdBy?: string },
  ): Promise<ReviewWithActions> {
    const { store, reviews, catalog, config } = this.options;
    const entityRef = this.normalizeScope(input.entityRef);
    const teams = await store.listTeams();
    const names = new Map(teams.map(t => [t.ref, t.displayName ?? t.ref]));
    names.set(unownedTeamRef, 'Unowned');
    let displayName = 'Organisation';
    const includeDescendants =
      entityRef.startsWith('group:') && Boolean(input.includeDescendants);
    if (entityRef === unownedTeamRef) {
      displayName = 'Unowned';
    } else if (entityRef !== organisationScope) {
      if (!names.has(entityRef)) {
        const entity = await catalog.getEntityByRef(entityRef, {
          credentials: options.credentials,
        });
        if (!entity)
          throw new NotFoundError(`No group ${entityRef} in the catalog`);
        names.set(entityRef, entity.metadata.title ?? entity.metadata.name);
      }
      displayName = names.get(entityRef)!;
    }
    const ownerRefs = scopeOwnerRefs({ entityRef, includeDescendants }, teams);
    const createdAt = new Date();
    const previous = await reviews.getLatestReview({
      entityRef,
      includeDescendants,
    });
    const review = await reviews.createReview(
      {
        id: randomUUID(),
        entityRef,
        includeDescendants,
        title: input.title?.trim() || undefined,
        createdBy: options.createdBy,
        createdAt: createdAt.toISOString(),
        displayName,
        ownerRefs,
        previousReviewId: previous?.id,
      },
      async snapshot => {
        const total = createTeamScoreAccumulator();
        const byTeam = new Map<string, TeamScoreAccumulator>();
        for await (const batch of snapshot) {
          for (const resource of batch) {
            const rating = snapshotRating(resource);
            total.add(rating);
            const team = resource.ownerRef ?? unownedTeamRef;
            let accumulator = byTeam.get(team);
            if (!accumulator) {
              accumulator = createTeamScoreAccumulator();
              byTeam.set(team, accumulator);
            }
            accumulator.add(rating);
          }
        }
        const frozen: FrozenTeamScore[] = [...byTeam]
          .map(([teamRef, accumulator]) => ({
            ...accumulator.result(),
            teamRef,
            displayName: names.get(teamRef) ?? teamRef,
          }))
          // the unowned bucket leads every review, then the worst teams
          .sort(
            (a, b) =>
              Number(b.teamRef === unownedTeamRef) -
                Number(a.teamRef === unownedTeamRef) ||
              a.score - b.score ||
              a.teamRef.localeCompare(b.teamRef),
          );
        return { total: total.result(), teams: frozen };
      },
    );
    await reviews.pruneReviews(
      new Date(createdAt.getTime() - config.reviews.retentionDays * DAY_MS),
    );
    return this.withActions(review);
  }

  private async withActions(review: Review): Promise<ReviewWithActions> {
    const { reviews } = this.options;
    const [previous, actions] = await Promise.all([
      reviews.getPreviousReview(review),
      reviews.listActions(review),
    ]);
    return { ...review, previousReviewId: previous?.id, actions };
  }

  private async requireReview(id: string): Promise<Review> {
    const review = await this.options.reviews.getReview(id);
    if (!review) throw new NotFoundError(`No review ${id}`);
    return review;
  }

  /** One review with its action items (those carried over included). */
  async getReview(id: string): Promise<ReviewWithActions> {
    return this.withActions(await this.requireReview(id));
  }

  /** Reviews, newest first, of one scope entity when given. */
  async listReviews(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<ReviewSummary[]> {
    return this.options.reviews.listReviews({
      entityRef: query.entityRef && this.normalizeScope(query.entityRef),
      limit: query.limit,
    });
  }

  /** What changed since the previous review of the scope (or `since`), one page of resources. */
  async getChanges(
    id: string,
    query: { since?: string; cursor?: string; limit?: number },
  ): Promise<ReviewChanges> {
    const { reviews } = this.options;
    const review = await this.requireReview(id);
    let since: Review | undefined;
    if (query.since) {
      since = await reviews.getReview(query.since);
      if (!since) throw new NotFoundError(`No review ${query.since}`);
    } else {
      since = await reviews.getPreviousReview(review);
    }
    const total = diffScore(
      review.entityRef,
      review.displayName,
      since?.total,
      review.total,
    );
    if (!since) {
      return {
        reviewId: id,
        total,
        teams: diffTeams([], review.teams),
        items: [],
        ...(query.cursor ? {} : { exemptions: [] }),
      };
    }
    const limit = Math.min(500, Math.max(1, query.limit ?? 100));
    const pairs = await reviews.changedResources(since.id, review.id, {
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const items = pairs.flatMap(p => diffResource(p.before, p.after) ?? []);
    return {
      reviewId: id,
      sinceReviewId: since.id,
      sinceCreatedAt: since.createdAt,
      total,
      teams: diffTeams(since.teams, review.teams),
      items,
      ...(query.cursor
        ? {}
        : { exemptions: await this.exemptionChanges(review, since) }),
      nextCursor:
        pairs.length === limit
          ? encodeCursor(pairs[pairs.length - 1].arn)
          : undefined,
    };
  }

  /**
   * The exemptions of the review's teams that started, expired or were
   * revoked between the two reviews (either may be the earlier one). The
   * teams are the scope's as the hierarchy stands now, with those frozen in
   * the review.
   */
  private async exemptionChanges(review: Review, since: Review) {
    const ownerRefs = scopeOwnerRefs(
      review,
      await this.options.store.listTeams(),
    );
    const teamRefs = ownerRefs && [
      ...new Set([...ownerRefs, ...review.teams.map(t => t.teamRef)]),
    ];
    const [after, until] = [since.createdAt, review.createdAt].sort();
    const changed = await this.options.exemptions.listChangedBetween({
      teamRefs,
      after,
      until,
    });
    return exemptionChangesBetween(changed, after, until);
  }

  /** The review's fixes, best score gained per resource touched first. */
  async getFixes(id: string): Promise<ReviewFixes> {
    await this.requireReview(id);
    const ratings: ResourceRating[] = [];
    for await (const batch of this.options.reviews.snapshotBatches(id)) {
      for (const resource of batch) ratings.push(snapshotRating(resource));
    }
    const titles = new Map(
      [...checkDefinitions, ...this.options.extraChecks].map(c => [c.id, c]),
    );
    return {
      reviewId: id,
      items: rankFixes(ratings, this.options.config.checklists).map(fix => ({
        ...fix,
        title: titles.get(fix.checkId)?.title ?? fix.checkId,
        checklist:
          titles.get(fix.checkId)?.checklist ?? fix.checkId.split('.')[0],
      })),
    };
  }

  /** The review's briefing pack as Markdown. */
  async getPack(
    id: string,
    resourceCommands: (
      arn: string,
      checkId: string,
    ) => Promise<string | undefined>,
  ): Promise<string> {
    const review = await this.getReview(id);
    const [changes, fixes] = await Promise.all([
      this.getChanges(id, { limit: 500 }),
      this.getFixes(id),
    ]);
    const titles = new Map(
      [...checkDefinitions, ...this.options.extraChecks].map(c => [
        c.id,
        c.title,
      ]),
    );
    const byCheck = new Map(fixes.items.map(f => [f.checkId, f.arns]));
    const checks: PackCheck[] = [];
    for (const failing of review.total.failingChecks.slice(0, 5)) {
      const commands: string[] = [];
      for (const arn of (byCheck.get(failing.checkId) ?? []).slice(0, 3)) {
        const command = await resourceCommands(arn, failing.checkId);
        if (command) commands.push(command);
      }
      checks.push({
        checkId: failing.checkId,
        title: titles.get(failing.checkId) ?? failing.checkId,
        severity: failing.severity,
        failingResources: failing.failingResources,
        commands,
      });
    }
    return renderPack({ review, changes, fixes, checks });
  }

  /** Adds an action item to a review; tied to a check without ARNs, it covers the resources failing it in the review. */
  async addAction(
    reviewId: string,
    input: NewActionItem,
    createdBy?: string,
  ): Promise<ActionItem> {
    const review = await this.requireReview(reviewId);
    const title = input.title.trim();
    if (!title) throw new InputError('title must not be empty');
    const known = new Set(
      [...checkDefinitions, ...this.options.extraChecks].map(c => c.id),
    );
    if (input.checkId !== undefined && !known.has(input.checkId)) {
      throw new InputError(`checkId: no check ${input.checkId}`);
    }
    let arns = [...new Set(input.arns ?? [])];
    if (input.checkId && !arns.length) {
      for await (const batch of this.options.reviews.snapshotBatches(
        reviewId,
      )) {
        for (const resource of batch) {
          if (resource.checkStatuses.includes(`,${input.checkId}=f`)) {
            arns.push(resource.arn);
          }
        }
      }
    }
    arns = arns.slice(0, 1000);
    return this.options.reviews.createAction({
      id: randomUUID(),
      reviewId,
      scopeKey: scopeKey(review),
      title,
      assignee: requireAssignee(input.assignee),
      due: input.due === undefined ? undefined : requireDate(input.due),
      arns,
      checkId: input.checkId,
      createdBy,
      createdAt: new Date().toISOString(),
    });
  }

  /** Sets an action item's status and note. */
  async updateAction(
    id: string,
    change: { status: ActionStatus; note?: string },
  ): Promise<ActionItem> {
    const updated = await this.options.reviews.updateAction(id, {
      status: change.status,
      note: change.note,
      updatedAt: new Date().toISOString(),
    });
    if (!updated) throw new NotFoundError(`No action item ${id}`);
    return updated;
  }

  /**
   * Closes every open action item tied to a check whose resources all pass it
   * now; called after a scan commits. Returns the closed items.
   */
  async closeSatisfiedActions(scanId: string): Promise<ActionItem[]> {
    const { reviews } = this.options;
    const closed: ActionItem[] = [];
    for (const action of await reviews.listOpenCheckActions()) {
      if (!action.arns.length) continue;
      const current = await reviews.currentCheckStatuses(action.arns);
      const passes = action.arns.every(arn =>
        current.get(arn)?.includes(`,${action.checkId}=p`),
      );
      if (!passes) continue;
      const updated = await reviews.updateAction(action.id, {
        status: 'done',
        note: `Closed by scan ${scanId}: ${action.checkId} passes on ${
          action.arns.length === 1
            ? 'its resource'
            : `all ${action.arns.length} resources`
        }.`,
        closedByScan: scanId,
        updatedAt: new Date().toISOString(),
      });
      if (updated) closed.push(updated);
    }
    if (closed.length) {
      this.options.logger?.info(
        `Scan ${scanId} closed ${closed.length} review action item(s)`,
      );
    }
    return closed;
  }
}
