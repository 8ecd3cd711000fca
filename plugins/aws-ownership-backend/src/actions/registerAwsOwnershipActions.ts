import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  awsOwnershipScanCreatePermission,
  awsOwnershipScorecardReadPermission,
  severityWeights,
} from '@aws-ownership/backstage-plugin-common';
import type { ResourceListQuery } from '../schema/types';
import type { AwsOwnershipService } from '../service/types';
import { authorize } from './authorize';
import { rankFailingChecks } from './rankFailingChecks';
import { responsibilityByCategory, whyChecklistMatters } from './explanations';

const severities = ['critical', 'high', 'medium', 'low'] as const;
const checklists = ['naming', 'tagging', 'responsibility'] as const;
const categories = [
  'infrastructure',
  'container',
  'abstract',
  'unclassified',
] as const;

/** The most resources one `list-resources` call returns. */
export const MAX_ACTION_PAGE = 100;

/**
 * Registers the plugin's actions with Backstage's actions registry (which the
 * MCP actions backend offers to AI assistants). Each checks the caller's
 * permissions as the REST API does and answers through the same service.
 */
export function registerAwsOwnershipActions(options: {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  service: AwsOwnershipService;
}): void {
  const { actionsRegistry, permissions, service } = options;
  const canRead = (credentials: Parameters<typeof authorize>[1]) =>
    authorize(permissions, credentials, awsOwnershipScorecardReadPermission);

  actionsRegistry.register({
    name: 'get-team-scorecard',
    title: 'Get an AWS ownership scorecard',
    description: `The AWS ownership scorecard of a team (Group), Component or System of the catalog, or of "unowned" resources: score and grade (A best, F worst), the naming, tagging and responsibility checklists' scores, how many resources it owns and how many fail, and the failing checks with how many resources fail each. For a Group, includeDescendants adds its sub-teams' resources.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(512)
            .describe(
              'An entity ref such as group:default/payments, component:default/orders-api, or "unowned".',
            ),
          includeDescendants: z
            .boolean()
            .optional()
            .describe("For a Group: include its sub-teams' resources."),
        }),
      output: z =>
        z.object({
          scorecard: z
            .object({
              entityRef: z.string(),
              kind: z.string(),
              score: z.number(),
              grade: z.enum(['A', 'B', 'C', 'D', 'F']),
              resourceCount: z.number(),
              failingResourceCount: z.number(),
              failingChecks: z.array(
                z
                  .object({
                    checkId: z.string(),
                    severity: z.enum(severities),
                    failingResources: z.number(),
                  })
                  .passthrough(),
              ),
            })
            .passthrough()
            .describe(
              'The scorecard, as GET /api/aws-ownership/scorecards/{entityRef} answers it.',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await canRead(credentials);
      return {
        output: {
          scorecard: await service.getScorecard(input.entityRef, {
            includeDescendants: input.includeDescendants,
            credentials,
          }),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-resources',
    title: 'List AWS resources with their ownership and rating',
    description: `Current AWS resources with their owner, component, category under the Shared Responsibility Model, score, grade and every check result. Filters combine with AND, the values of one filter with OR: owner (Group refs or "unowned"; includeDescendants adds sub-teams), component, account, region, resourceType (service:type), category, checklist (resources failing one of its checks), checkId with status (pass, fail, not-applicable; a checkId alone means failing it), q (text in the ARN, name or a tag value), stale. Sorted by score ascending (worst first) unless sort and order say otherwise. At most ${MAX_ACTION_PAGE} a page: pass nextCursor back as cursor for the next one.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => {
        const refs = z.array(z.string().min(1).max(512)).max(100).optional();
        return z.object({
          owner: refs.describe('Owning Group refs, or "unowned".'),
          includeDescendants: z.boolean().optional(),
          component: refs.describe('Component or System refs.'),
          account: z
            .array(z.string().regex(/^\d{12}$/))
            .max(100)
            .optional(),
          region: z.array(z.string().max(32)).max(100).optional(),
          resourceType: z.array(z.string().max(128)).max(100).optional(),
          category: z.array(z.enum(categories)).max(4).optional(),
          checklist: z.enum(checklists).optional(),
          checkId: z.string().max(128).optional(),
          status: z.enum(['pass', 'fail', 'not-applicable']).optional(),
          q: z.string().max(256).optional(),
          stale: z.boolean().optional(),
          sort: z
            .enum([
              'score',
              'name',
              'resourceType',
              'region',
              'accountId',
              'lastSeenAt',
              'arn',
            ])
            .optional(),
          order: z.enum(['asc', 'desc']).optional(),
          cursor: z.string().max(2000).optional(),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_ACTION_PAGE)
            .optional()
            .describe(
              `Resources per page, 1 to ${MAX_ACTION_PAGE}; default 25.`,
            ),
        });
      },
      output: z =>
        z
          .object({
            items: z.array(z.object({}).passthrough()),
            totalCount: z.number().optional(),
            totalCountCapped: z.boolean().optional(),
            nextCursor: z.string().optional(),
          })
          .describe(
            'One page, as GET /api/aws-ownership/resources answers it.',
          ),
    },
    action: async ({ input, credentials }) => {
      await canRead(credentials);
      // the REST API's query, with only the filters given
      const query = Object.fromEntries(
        Object.entries({ ...input, limit: input.limit ?? 25 }).filter(
          ([, value]) => value !== undefined,
        ),
      ) as ResourceListQuery;
      const page = await service.listResources(query, credentials);
      return { output: page };
    },
  });

  actionsRegistry.register({
    name: 'explain-check',
    title: 'Explain an AWS ownership check',
    description: `What one check of the naming, tagging or responsibility checklist judges, why it matters under AWS's Shared Responsibility Model (AWS secures the cloud, the owning team what it runs in it), how to fix a failure, and, given a resource's ARN, that resource's result with the AWS CLI command that fixes it. Check ids look like tagging.required or responsibility.backup; get-team-scorecard lists a team's failing ones.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          checkId: z.string().min(1).max(128),
          arn: z
            .string()
            .min(1)
            .max(2048)
            .optional()
            .describe("A current resource's ARN, for its result and command."),
        }),
      output: z =>
        z.object({
          checkId: z.string(),
          title: z.string(),
          checklist: z.enum(checklists),
          severity: z.enum(severities),
          enabled: z.boolean(),
          judges: z.string().describe('What the check verifies and why.'),
          appliesTo: z.string(),
          whyItMatters: z
            .string()
            .describe('Under the Shared Responsibility Model.'),
          howToFix: z.string(),
          resource: z
            .object({
              arn: z.string(),
              category: z.enum(categories),
              customerResponsibility: z.string(),
              status: z.enum(['pass', 'fail', 'not-applicable', 'exempt']),
              message: z.string(),
              command: z.string().optional(),
            })
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      await canRead(credentials);
      const check = service.listChecks().find(c => c.id === input.checkId);
      if (!check) throw new NotFoundError(`No check ${input.checkId}`);
      let resource;
      if (input.arn) {
        const rated = await service.getResource(input.arn);
        const result = rated.rating.results.find(r => r.checkId === check.id);
        resource = {
          arn: rated.resource.arn,
          category: rated.category,
          customerResponsibility: responsibilityByCategory[rated.category],
          status: result?.status ?? 'not-applicable',
          message: result?.message ?? 'The check did not rate this resource.',
          ...(result?.command ? { command: result.command } : {}),
        };
      }
      return {
        output: {
          checkId: check.id,
          title: check.title,
          checklist: check.checklist,
          severity: check.severity,
          enabled: check.enabled,
          judges: check.description,
          appliesTo: check.appliesTo,
          whyItMatters: whyChecklistMatters[check.checklist],
          howToFix: check.remediation,
          ...(resource ? { resource } : {}),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'what-to-fix-first',
    title: 'What a team should fix first on AWS',
    description: `A team's (or Component's, System's) failing checks, ranked by what fixing them gains: resources failing the check times its severity's weight (${severities
      .map(s => `${s} ${severityWeights[s]}`)
      .join(
        ', ',
      )}). For a Group, sub-teams are included unless includeDescendants is false.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().min(1).max(512),
          includeDescendants: z.boolean().optional(),
          limit: z.number().int().min(1).max(50).optional(),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          score: z.number(),
          grade: z.enum(['A', 'B', 'C', 'D', 'F']),
          items: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              checklist: z.enum(checklists),
              severity: z.enum(severities),
              failingResources: z.number(),
              priority: z.number(),
              howToFix: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await canRead(credentials);
      const scorecard = await service.getScorecard(input.entityRef, {
        includeDescendants: input.includeDescendants ?? true,
        credentials,
      });
      const checks = new Map(service.listChecks().map(c => [c.id, c]));
      const items = rankFailingChecks(scorecard.failingChecks)
        .slice(0, input.limit ?? 10)
        .map(c => ({
          checkId: c.checkId,
          title: checks.get(c.checkId)?.title ?? c.checkId,
          checklist: c.checklist,
          severity: c.severity,
          failingResources: c.failingResources,
          priority: c.priority,
          howToFix: checks.get(c.checkId)?.remediation ?? '',
        }));
      return {
        output: {
          entityRef: scorecard.entityRef,
          score: scorecard.score,
          grade: scorecard.grade,
          items,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'start-scan',
    title: 'Scan AWS accounts now',
    description:
      'Requests a scan of the given configured AWS accounts (default: every one) now, as "Scan now" does; needs the aws-ownership.scan.create permission. Fails with a conflict while one of them is being scanned. Answers the requested scans; list-resources and get-team-scorecard show the result once they finish.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          accountIds: z
            .array(z.string().regex(/^\d{12}$/))
            .max(100)
            .optional(),
        }),
      output: z =>
        z.object({
          scans: z.array(
            z
              .object({
                id: z.string(),
                accountId: z.string().optional(),
                status: z.string(),
              })
              .passthrough(),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(
        permissions,
        credentials,
        awsOwnershipScanCreatePermission,
      );
      const principal = credentials.principal as { userEntityRef?: string };
      return {
        output: {
          scans: await service.startScan({
            accountIds: input.accountIds,
            requestedBy: principal.userEntityRef,
          }),
        },
      };
    },
  });
}
