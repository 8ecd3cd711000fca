import { parseEntityRef } from '@backstage/catalog-model';
import {
  getCheckDefinition,
  severities,
  type Severity,
} from '@aws-ownership/backstage-plugin-common';
import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { StoredTeam } from '../database/types';
import type { TeamScorecard } from '../schema/types';
import {
  findExpiringExemptions,
  findGradeDrops,
  findNewCriticalFailures,
  groupOwnershipChanges,
} from './findChanges';
import type {
  ExpiringExemption,
  NotificationsConfig,
  OwnershipChange,
} from './types';

/** The topic of every notification the plugin sends. */
export const notificationTopic = 'aws-ownership';

/** What changed with a committed scan, from the stored data. */
export interface ScanChanges {
  scanId: string;
  /** The team scores before the scan; undefined when there were none (the first scan). */
  previous?: ReadonlyArray<TeamScorecard>;
  /** The team scores the scan produced. */
  current: ReadonlyArray<TeamScorecard>;
  /** Resources whose owner changed with the scan. */
  ownershipChanges: ReadonlyArray<OwnershipChange>;
  /** The catalog's Groups. */
  teams: ReadonlyArray<StoredTeam>;
  /** When the previous team scores were computed; absent for the first scan. */
  previousAt?: string;
  /** When these were computed. */
  now?: Date;
  /** The exemptions active now. */
  activeExemptions?: ReadonlyArray<ExpiringExemption>;
}

const notificationSeverity: Record<Severity, NotificationSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

/** The team's AWS ownership tab in the catalog. */
export function teamTabLink(teamRef: string): string {
  const { kind, namespace, name } = parseEntityRef(teamRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/aws-ownership`;
}

const severityRank = (s: Severity) => severities.indexOf(s);

const checkTitle = (checkId: string) =>
  getCheckDefinition(checkId)?.title ?? checkId;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function listed<T>(
  items: ReadonlyArray<T>,
  max: number,
  show: (t: T) => string,
) {
  const shown = items.slice(0, max).map(show);
  if (items.length > max) shown.push(`and ${items.length - max} more`);
  return shown.join('; ');
}

/**
 * The notifications a committed scan calls for, by the configured kinds:
 * grade drops and newly failing critical checks (previous against current
 * team scores), resources newly attributed to a team and resources that lost
 * their owner. Each has a scope that stays the same for the same change.
 */
export function buildNotifications(
  changes: ScanChanges,
  config: NotificationsConfig,
): NotificationSendOptions[] {
  const kinds = new Set(config.kinds);
  const max = config.maxListed;
  const sent: NotificationSendOptions[] = [];
  const previous = changes.previous;

  if (previous && kinds.has('grade-dropped')) {
    for (const drop of findGradeDrops(
      previous,
      changes.current,
      config.minimumGradeDrop,
    )) {
      const worst = drop.causes.reduce<Severity | undefined>(
        (w, c) =>
          w === undefined || severityRank(c.severity) < severityRank(w)
            ? c.severity
            : w,
        undefined,
      );
      const causes = drop.causes.length
        ? ` Caused by: ${listed(
            drop.causes,
            max,
            c =>
              `${checkTitle(c.checkId)} (${c.severity}, ${plural(
                c.newlyFailing,
                'more resource',
              )} failing)`,
          )}.`
        : '';
      sent.push({
        recipients: { type: 'entity', entityRef: drop.teamRef },
        payload: {
          title: `${drop.displayName} dropped from ${drop.from} to ${drop.to}`,
          description: `Score ${drop.fromScore} to ${drop.toScore}.${causes}`,
          link: teamTabLink(drop.teamRef),
          severity: worst ? notificationSeverity[worst] : 'normal',
          topic: notificationTopic,
          scope: `aws-ownership:grade-dropped:${drop.teamRef}:${drop.from}:${drop.to}`,
          metadata: {
            teamRef: drop.teamRef,
            scanId: changes.scanId,
            checkIds: drop.causes.map(c => c.checkId),
          },
        },
      });
    }
  }

  if (previous && kinds.has('critical-failing')) {
    for (const team of findNewCriticalFailures(previous, changes.current)) {
      const checkIds = team.checks.map(c => c.checkId).sort();
      sent.push({
        recipients: { type: 'entity', entityRef: team.teamRef },
        payload: {
          title: `${team.displayName}: ${plural(
            team.checks.length,
            'critical check',
          )} newly failing`,
          description: listed(
            team.checks,
            max,
            c =>
              `${checkTitle(c.checkId)} fails on ${plural(
                c.failingResources,
                'resource',
              )}`,
          ),
          link: teamTabLink(team.teamRef),
          severity: 'critical',
          topic: notificationTopic,
          scope: `aws-ownership:critical-failing:${
            team.teamRef
          }:${checkIds.join(',')}`,
          metadata: { teamRef: team.teamRef, scanId: changes.scanId, checkIds },
        },
      });
    }
  }

  const { attributed, unowned } = groupOwnershipChanges(
    changes.ownershipChanges,
    new Set(changes.teams.map(t => t.ref)),
  );
  const names = new Map(changes.teams.map(t => [t.ref, t.displayName]));
  if (kinds.has('resources-attributed')) {
    for (const [teamRef, resources] of attributed) {
      sent.push({
        recipients: { type: 'entity', entityRef: teamRef },
        payload: {
          title: `${plural(
            resources.length,
            'AWS resource',
          )} newly attributed to ${names.get(teamRef) ?? teamRef}`,
          description: listed(resources, max, r => r.name || r.arn),
          link: teamTabLink(teamRef),
          severity: 'normal',
          topic: notificationTopic,
          scope: `aws-ownership:resources-attributed:${teamRef}:${changes.scanId}`,
          metadata: {
            teamRef,
            scanId: changes.scanId,
            arns: resources.slice(0, max).map(r => r.arn),
          },
        },
      });
    }
  }
  if (
    kinds.has('resources-unowned') &&
    unowned.length &&
    config.unownedRecipients.length
  ) {
    sent.push({
      recipients: { type: 'entity', entityRef: config.unownedRecipients },
      payload: {
        title: `${plural(unowned.length, 'AWS resource')} lost ${
          unowned.length === 1 ? 'its owner' : 'their owners'
        }`,
        description: listed(
          unowned,
          max,
          r =>
            `${r.name || r.arn} (was ${
              names.get(r.previousOwnerRef!) ?? r.previousOwnerRef
            })`,
        ),
        link: '/aws-ownership',
        severity: 'high',
        topic: notificationTopic,
        scope: `aws-ownership:resources-unowned:${changes.scanId}`,
        metadata: {
          scanId: changes.scanId,
          arns: unowned.slice(0, max).map(r => r.arn),
        },
      },
    });
  }
  if (kinds.has('exemptions-expiring') && changes.activeExemptions?.length) {
    const expiring = findExpiringExemptions(changes.activeExemptions, {
      previousAt: changes.previousAt,
      now: changes.now ?? new Date(),
      withinDays: config.exemptionExpiryDays,
    });
    for (const [teamRef, exemptions] of expiring) {
      const ids = exemptions.map(e => e.id).sort();
      sent.push({
        recipients: { type: 'entity', entityRef: teamRef },
        payload: {
          title: `${names.get(teamRef) ?? teamRef}: ${plural(
            exemptions.length,
            'exemption',
          )} ending within ${plural(config.exemptionExpiryDays, 'day')}`,
          description: `${listed(
            exemptions,
            max,
            e => `${checkTitle(e.checkId)} until ${e.expiresAt}`,
          )}. The checks fail again once they end, unless fixed or renewed.`,
          link: teamTabLink(teamRef),
          severity: 'normal',
          topic: notificationTopic,
          scope: `aws-ownership:exemptions-expiring:${teamRef}:${ids.join(
            ',',
          )}`,
          metadata: { teamRef, scanId: changes.scanId, exemptionIds: ids },
        },
      });
    }
  }

  return sent;
}
