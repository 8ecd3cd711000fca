import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import {
  ConfigReader,
  readDurationFromConfig,
  type Config,
} from '@backstage/config';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, type JsonValue } from '@backstage/types';
import {
  resolveChecklistConfig,
  validateChecklistConfig,
} from '@aws-ownership/backstage-plugin-common';
import { z } from 'zod';
import { evidenceConfigSchema } from '../evidence/evidenceConfigSchema';
import type { AwsOwnershipConfig } from './types';
import { notificationKinds } from '../notify/types';

const ROOT = 'awsOwnership';

// Unknown keys are typos more often than not: name the ones that exist.
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown key (known: ${Object.keys(shape).join(', ')})`
        : undefined,
  });

// Substituted environment variables arrive as strings, which Backstage's own
// config readers accept for numbers and booleans too.
const boolean = z.union([z.boolean(), z.stringbool()], {
  error: 'expected true or false',
});

// Schedules and durations are read by Backstage's helpers, which take a Config.
const readWith = <T>(key: string, read: (config: Config, key: string) => T) =>
  z.unknown().transform((value, ctx) => {
    try {
      return read(new ConfigReader({ [key]: value as JsonValue }), key);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const accountIdSchema = z.string().regex(/^\d{12}$/, {
  error: i => `'${i.input}' is not a 12-digit AWS account id`,
});

const regions = z
  .array(
    z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, {
      error: i => `'${i.input}' is not an AWS region`,
    }),
  )
  .min(1, 'list at least one region')
  .transform(list => [...new Set(list)]);

const account = strict({ accountId: accountIdSchema, regions });

const organization = strict({
  accountId: accountIdSchema,
  roleName: z.string().min(1, 'must not be empty').optional(),
  regions,
  includeOrganizationalUnits: z
    .array(z.string().min(1, 'must not be empty'))
    .min(1, 'list at least one OU id or name, or leave the key out')
    .optional(),
  excludeAccounts: z.array(accountIdSchema).default([]),
});

const entityRef = z.string().refine(
  ref => {
    try {
      parseEntityRef(ref);
      return true;
    } catch {
      return false;
    }
  },
  {
    error: i =>
      `'${i.input}' is not an entity ref such as group:default/platform`,
  },
);

const notifications = strict({
  enabled: boolean.default(false),
  kinds: z
    .array(z.enum(notificationKinds))
    .transform(kinds => [...new Set(kinds)])
    .default([...notificationKinds]),
  minimumGradeDrop: z.coerce.number().int().min(1).max(4).default(1),
  unownedRecipients: z.array(entityRef).default([]),
  maxListed: z.coerce.number().int().min(1).max(100).default(10),
  exemptionExpiryDays: z.coerce.number().int().min(1).max(90).default(7),
}).prefault({});

const schema = strict({
  endpoint: z
    .url({
      protocol: /^https?$/,
      error: i => `'${i.input}' is not an http(s) URL`,
    })
    .optional(),
  accounts: z
    .array(account)
    .default([])
    .check(ctx =>
      ctx.value.forEach(({ accountId }, i) => {
        if (ctx.value.findIndex(a => a.accountId === accountId) < i) {
          ctx.issues.push({
            code: 'custom',
            path: [i, 'accountId'],
            message: `account ${accountId} is listed twice`,
            input: accountId,
          });
        }
      }),
    ),
  organization: organization.optional(),
  includeComplianceDetails: boolean.default(false),
  schedule: readWith('schedule', (c, key) =>
    readSchedulerServiceTaskScheduleDefinitionFromConfig(c.getConfig(key)),
  ).default({
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 10 },
  }),
  // merged into the checklists by checklistsOf
  ownership: strict({
    ownerTagKeys: z.array(z.string()).optional(),
    componentTagKeys: z.array(z.string()).optional(),
  }).optional(),
  checklists: z.record(z.string(), z.unknown()).optional(),
  collector: strict({
    requestsPerSecond: z.coerce.number().positive().max(1000).default(15),
    maxAttempts: z.coerce.number().int().min(1).max(50).default(10),
    writeBatchSize: z.coerce.number().int().min(1).max(10_000).default(1000),
    concurrency: z.coerce.number().int().min(1).max(256).default(4),
  }).prefault({}),
  history: strict({
    retention: readWith('retention', (c, key) =>
      readDurationFromConfig(c, { key }),
    )
      .refine(d => durationToMilliseconds(d) > 0, 'must be a positive duration')
      .optional(),
    retentionDays: z.coerce.number().positive().optional(),
  })
    .refine(h => !(h.retention && h.retentionDays), {
      message: 'set retention or retentionDays, not both',
    })
    .transform(h => ({
      retention: h.retention ?? { days: h.retentionDays ?? 365 },
    }))
    .prefault({}),
  notifications,
  reviews: strict({
    retentionDays: z.coerce.number().int().positive().default(730),
  }).prefault({}),
  evidence: evidenceConfigSchema,
  exemptions: strict({
    maxDays: z.coerce.number().int().min(1).max(3650).default(90),
  }).prefault({}),
});

const keyOf = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${String(part)}`,
    ROOT,
  );

const describeIssue = (issue: z.core.$ZodIssue): string[] =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map(key => `${keyOf([...issue.path, key])}: ${issue.message}`)
    : [`${keyOf(issue.path)}: ${issue.message}`];

const section = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};

// `awsOwnership.ownership` is the documented home of the ownership tag keys,
// which the rules read from the checklists; a bad one is reported once, above.
function checklistsOf(root: unknown): Record<string, unknown> {
  const { checklists, ownership } = section(root);
  const keys = schema.shape.ownership.safeParse(ownership).data;
  const partial = section(checklists);
  if (!keys) return partial;
  return { ...partial, ownership: { ...section(partial.ownership), ...keys } };
}

/**
 * Reads and validates the `awsOwnership` config section with its defaults;
 * throws an InputError naming every bad key, the checklists' included.
 */
export function readAwsOwnershipConfig(
  config: Config,
  options: { extraCheckIds?: string[] } = {},
): AwsOwnershipConfig {
  const raw = config.getOptional(ROOT) ?? {};
  const parsed = schema.safeParse(raw);
  const checklists = checklistsOf(raw);
  const problems = [
    ...(parsed.error?.issues.flatMap(describeIssue) ?? []),
    ...validateChecklistConfig(checklists, options).errors.map(
      e => `${ROOT}.checklists${e.path ? `.${e.path}` : ''}: ${e.message}`,
    ),
  ];
  if (!parsed.success || problems.length) {
    throw new InputError(
      `Invalid aws-ownership configuration:\n  ${problems.join('\n  ')}`,
    );
  }
  const { ownership, checklists: ignored, ...settings } = parsed.data;
  return {
    ...settings,
    checklists: resolveChecklistConfig(checklists, options),
  };
}
