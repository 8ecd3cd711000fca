import { z } from 'zod';

const boolean = z.union([z.boolean(), z.stringbool()], {
  error: 'expected true or false',
});

const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown key (known: ${Object.keys(shape).join(', ')})`
        : undefined,
  });

/** `awsOwnership.evidence`: the evidence providers' settings, with defaults. */
export const evidenceConfigSchema = strict({
  awsConfig: strict({
    enabled: boolean.default(false),
    requestsPerSecond: z.coerce.number().positive().max(100).default(5),
    maxAttempts: z.coerce.number().int().min(1).max(50).default(10),
    aggregator: strict({
      accountId: z.string().regex(/^\d{12}$/, {
        error: i => `'${i.input}' is not a 12-digit AWS account id`,
      }),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, {
        error: i => `'${i.input}' is not an AWS region`,
      }),
      name: z.string().min(1, 'name the configuration aggregator'),
    }).optional(),
  }).prefault({}),
}).prefault({});

/** The evidence settings, validated. */
export type EvidenceConfig = z.output<typeof evidenceConfigSchema>;
