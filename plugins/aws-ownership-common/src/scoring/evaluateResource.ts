import { builtinChecks } from '../checks/builtinChecks';
import type { Severity } from '../checks/severity';
import { namingSubject } from '../checks/namingSubject';
import { tagLookup } from '../checks/tags';
import type { Check, CheckInput, CheckResult } from '../checks/types';
import { classifyResourceType } from '../classification/classifyResourceType';
import { defaultChecklistConfig } from '../config/defaultChecklistConfig';
import type { ChecklistConfig } from '../config/types';
import type { AwsResource, OwnershipContext } from '../model/types';
import { scoreResults } from './scoreResults';
import type { ResourceRating } from './types';

/**
 * Runs one check. A check that throws or answers nonsense (custom checks come
 * from other modules) must not sink the rating: it reports no verdict.
 */
function runCheck(
  check: Check,
  input: CheckInput,
  severity: Severity,
): CheckResult {
  const { id: checkId, checklist } = check;
  try {
    const outcome = check.evaluate(input);
    const status = outcome?.status;
    if (status !== 'pass' && status !== 'fail' && status !== 'not-applicable') {
      return {
        checkId,
        checklist,
        status: 'not-applicable',
        severity,
        message: 'The check returned no valid status',
      };
    }
    const result: CheckResult = {
      checkId,
      checklist,
      status,
      severity,
      message: String(outcome.message ?? ''),
    };
    if (outcome.remediation !== undefined) {
      result.remediation = outcome.remediation;
    }
    if (outcome.command !== undefined) result.command = outcome.command;
    if (outcome.basis !== undefined) result.basis = outcome.basis;
    if (outcome.evidence !== undefined) result.evidence = outcome.evidence;
    return result;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      checkId,
      checklist,
      status: 'not-applicable',
      severity,
      message: `The check could not run: ${
        text.length > 200 ? `${text.slice(0, 200)}…` : text
      }`,
    };
  }
}

/**
 * Rates one resource with every enabled check (built-ins, then `extraChecks`
 * from extension modules, rated the same way) and scores it.
 *
 * @public
 */
export function evaluateResource(
  resource: AwsResource,
  context: OwnershipContext,
  config: ChecklistConfig = defaultChecklistConfig,
  extraChecks: ReadonlyArray<Check> = [],
): ResourceRating {
  const tags = tagLookup(resource.tags);
  const input: CheckInput = {
    resource,
    context: context ?? {},
    config,
    category: classifyResourceType(
      resource.resourceType,
      config.classification.overrides,
    ),
    tags,
    naming: namingSubject(resource, tags),
  };
  // an extension check may not shadow a built-in or an earlier extension
  const extras =
    extraChecks.length === 0
      ? []
      : extraChecks.filter(
          (check, i) =>
            !builtinChecks.some(c => c.id === check.id) &&
            extraChecks.findIndex(c => c.id === check.id) === i,
        );
  const { disabled, severity } = config.checks;
  const results: CheckResult[] = [];
  for (const check of extras.length
    ? [...builtinChecks, ...extras]
    : builtinChecks) {
    if (disabled.includes(check.id)) continue;
    results.push(
      runCheck(
        check,
        input,
        Object.hasOwn(severity, check.id) ? severity[check.id] : check.severity,
      ),
    );
  }
  const { score, grade, rawScore, cappedBy } = scoreResults(results, config);
  const rating: ResourceRating = {
    arn: resource.arn,
    score,
    grade,
    rawScore,
    results,
  };
  if (cappedBy) rating.cappedBy = cappedBy;
  return rating;
}
