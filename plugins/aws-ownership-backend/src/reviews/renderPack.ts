import type { ReviewWithActions } from './ReviewService';
import type {
  ResourceChange,
  ReviewChanges,
  ReviewExemptionChange,
  ReviewFixes,
} from './types';

/** A failing check of the scope with the commands that fix its first resources. */
export interface PackCheck {
  checkId: string;
  title: string;
  severity: string;
  failingResources: number;
  commands: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');
const signed = (n: number | undefined) =>
  n === undefined ? 'n/a' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`;

/** An owner change; one across a team scope's edge says which way, naming the sub-team when it is not the scope's own. */
function ownerChange(
  item: ResourceChange,
  scope: { name: string; entityRef: string },
): string {
  const from = item.owner?.from ?? 'unowned';
  const to = item.owner?.to ?? 'unowned';
  const own = (ref: string) => (ref === scope.entityRef ? '' : ` (${ref})`);
  if (item.move === 'in') return `into ${scope.name}${own(to)} from ${from}`;
  if (item.move === 'out') return `out of ${scope.name}${own(from)} to ${to}`;
  return `${from} to ${to}`;
}

const exemptionVerbs: Record<ReviewExemptionChange['change'], string> = {
  started: 'Started',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** One exemption that started, expired or was revoked, on one line. */
function exemptionLine(e: ReviewExemptionChange): string {
  const resources = `${e.resourceCount} resource${
    e.resourceCount === 1 ? '' : 's'
  }`;
  return `- ${exemptionVerbs[e.change]} ${e.at}${
    e.by ? ` by ${e.by}` : ''
  }: \`${e.checkId}\` on ${resources}${
    e.teamRef ? ` of ${e.teamRef}` : ''
  }, requested by ${e.requestedBy}, expires ${e.expiresAt}. Reason: ${oneLine(
    e.reason,
  )}`;
}

/**
 * The briefing pack of a review as Markdown: scope, grade and trend, changes
 * since the last review, top failing checks with their commands, the fix list
 * and the action items. Dates are ISO 8601 (a document read anywhere).
 */
export function renderPack(input: {
  review: ReviewWithActions;
  changes: ReviewChanges;
  fixes: ReviewFixes;
  checks: PackCheck[];
}): string {
  const { review, changes, fixes, checks } = input;
  const lines: string[] = [];
  const scope = review.includeDescendants
    ? `${review.displayName} and its sub-teams`
    : review.displayName;
  lines.push(`# Ownership review: ${review.title ?? scope}`, '');
  lines.push(`- Scope: ${scope} (\`${review.entityRef}\`)`);
  lines.push(
    `- Taken: ${review.createdAt}${
      review.createdBy ? ` by ${review.createdBy}` : ''
    }`,
  );
  lines.push(
    `- Grade: **${review.total.grade}** (${review.total.score.toFixed(1)}), ${
      review.total.resourceCount
    } resources, ${review.total.failingResourceCount} failing a check`,
  );
  const { total } = changes;
  lines.push(
    total.before
      ? `- Trend: ${total.before.grade} (${total.before.score.toFixed(1)}) to ${
          review.total.grade
        } (${review.total.score.toFixed(1)}), ${signed(total.change)} since ${
          changes.sinceCreatedAt
        }`
      : '- Trend: first review of this scope',
    '',
  );

  lines.push('## Changes since the last review', '');
  if (!changes.sinceReviewId)
    lines.push('No earlier review of this scope.', '');
  else {
    const owners = (item: ResourceChange) =>
      ownerChange(item, { name: scope, entityRef: review.entityRef });
    const groups: Array<
      [
        string,
        typeof changes.items,
        (i: (typeof changes.items)[number]) => string,
      ]
    > = [
      [
        'Fixed',
        changes.items.filter(i => i.fixed.length),
        i => i.fixed.join(', '),
      ],
      [
        'Regressed',
        changes.items.filter(i => i.regressed.length),
        i => i.regressed.join(', '),
      ],
      ['New', changes.items.filter(i => i.kind === 'new'), i => i.resourceType],
      [
        'Gone',
        changes.items.filter(i => i.kind === 'gone'),
        i => i.resourceType,
      ],
      ['Owner changed', changes.items.filter(i => i.owner), owners],
    ];
    for (const [heading, items, detail] of groups) {
      lines.push(`### ${heading} (${items.length})`, '');
      for (const item of items) {
        lines.push(`- ${item.name} (\`${item.arn}\`): ${detail(item)}`);
      }
      if (items.length) lines.push('');
    }
    if (changes.nextCursor) {
      lines.push('More changes than fit here: see the review page.', '');
    }
    const exemptions = changes.exemptions ?? [];
    lines.push(
      `### Exemptions started, expired or revoked (${exemptions.length})`,
      '',
    );
    if (exemptions.length) lines.push(...exemptions.map(exemptionLine), '');
    const moved = changes.teams.filter(t => t.change);
    if (moved.length) {
      lines.push(
        '| Team | Before | After | Change |',
        '| --- | --- | --- | --- |',
      );
      for (const t of moved) {
        lines.push(
          `| ${cell(t.displayName)} | ${
            t.before?.grade
          } ${t.before?.score.toFixed(1)} | ${
            t.after?.grade
          } ${t.after?.score.toFixed(1)} | ${signed(t.change)} |`,
        );
      }
      lines.push('');
    }
  }

  lines.push('## Top failing checks', '');
  if (!checks.length) lines.push('Every check passes.', '');
  for (const check of checks) {
    lines.push(
      `### ${check.title} (\`${check.checkId}\`, ${check.severity}): ${check.failingResources} resources`,
      '',
    );
    if (check.commands.length) {
      lines.push('```sh', ...check.commands, '```', '');
    }
  }

  lines.push('## What to fix first', '');
  if (!fixes.items.length) lines.push('Nothing to fix.', '');
  else {
    lines.push(
      '| Fix | Resources | Gain | Grade |',
      '| --- | --- | --- | --- |',
    );
    for (const fix of fixes.items.slice(0, 10)) {
      lines.push(
        `| ${cell(fix.title)} (\`${fix.checkId}\`) | ${
          fix.arns.length
        } | ${signed(fix.gain)} | ${fix.before.grade} to ${fix.after.grade} |`,
      );
    }
    lines.push('');
  }

  lines.push('## Action items', '');
  if (!review.actions.length) lines.push('None yet.', '');
  else {
    lines.push(
      '| Action | Assignee | Due | Status |',
      '| --- | --- | --- | --- |',
    );
    for (const a of review.actions) {
      lines.push(
        `| ${cell(a.title)} | ${a.assignee} | ${a.due ?? ''} | ${a.status}${
          a.note ? `: ${cell(a.note)}` : ''
        } |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
