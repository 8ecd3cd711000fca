import { z } from 'zod';
import { checkIds } from '../checks/definitions';
import { severities } from '../checks/severity';
import { tagKeyStylePatterns } from '../checks/tagging';

const categories = ['infrastructure', 'container', 'abstract', 'unclassified'];

/** How a wrong value is named in an error: `a string`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    `expected ${what}, got ${describeValue(issue.input)}`;

const oneOf = (what: string, values: ReadonlyArray<string>) =>
  z.string({ error: expected('a string') }).refine(v => values.includes(v), {
    error: issue =>
      `unknown ${what} ${JSON.stringify(
        issue.input,
      )}; expected one of ${values.join(', ')}`,
  });

const text = z
  .string({ error: expected('a string') })
  .refine(v => v.trim() !== '', { error: 'must not be blank' });
const textList = z.array(text, { error: expected('a list of strings') });
const count = z
  .number({ error: expected('a non-negative integer') })
  .refine(n => Number.isInteger(n) && n >= 0, {
    error: issue => `expected a non-negative integer, got ${issue.input}`,
  });
const map = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value, { error: expected('a map') });
const regex = z
  .string({ error: expected('a regular expression string') })
  .superRefine((source, ctx) => {
    try {
      RegExp(source);
    } catch (e) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid regular expression: ${
          e instanceof Error ? e.message : e
        }`,
      });
    }
  });
const score = z
  .number({ error: expected('a score from 0 to 100') })
  .refine(n => n >= 0 && n <= 100, {
    error: issue => `expected a score from 0 to 100, got ${issue.input}`,
  });

/**
 * The schema of a (partial) checklist config as an adopter writes it: every
 * section and key optional, unknown keys refused, check ids checked against
 * the built-in ones and `extraCheckIds`.
 */
export function checklistConfigSchema(
  extraCheckIds: ReadonlyArray<string> = [],
) {
  const known = [...checkIds, ...extraCheckIds];
  const checkId = text.refine(id => known.includes(id), {
    error: issue => `unknown check id ${JSON.stringify(issue.input)}`,
  });
  const section = <T extends z.ZodRawShape>(shape: T) =>
    z.strictObject(shape, { error: expected('an object') }).partial();
  return section({
    ownership: section({ ownerTagKeys: textList, componentTagKeys: textList }),
    naming: section({
      pattern: regex,
      minLength: count,
      maxLength: count,
      environmentTokens: map(text),
    }),
    tagging: section({
      requiredKeys: textList,
      allowedValues: map(textList),
      keyStyle: oneOf('key style', Object.keys(tagKeyStylePatterns)),
      keyStyleExemptKeys: textList,
      keyStyleExemptPrefixes: textList,
      placeholderValues: textList,
      maxUserTags: count,
      environmentTagKey: text,
    }),
    responsibility: section({
      escalationTagKeys: textList,
      escalationAnnotations: textList,
      dataClassificationTagKey: text,
      backupTagKeys: textList,
      patchTagKeys: textList,
      availabilityTagKeys: textList,
      encryptionTagKeys: textList,
      encryptionRequiredClassifications: textList,
      managedByTagKeys: textList,
      managedByTagPrefixes: textList,
      unmanagedValues: textList,
    }),
    checks: section({
      disabled: z.array(checkId, { error: expected('a list of strings') }),
      severity: map(oneOf('severity', severities)).superRefine((value, ctx) => {
        for (const id of Object.keys(value)) {
          if (!known.includes(id)) {
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message: `unknown check id ${JSON.stringify(id)}`,
            });
          }
        }
      }),
    }),
    scoring: section({
      caps: section({
        critical: score,
        high: score,
        medium: score,
        low: score,
      }),
    }),
    classification: section({ overrides: map(oneOf('category', categories)) }),
  });
}
