import { builtinChecks } from '../checks/builtinChecks';
import { rateAs, stopRating, type RatedAs } from '../checks/outcome';
import { severityWeights, type Severity } from '../checks/severity';
import { KeySlots, TagIndex } from '../checks/tagIndex';
import type { Check, CheckInput, CheckResult } from '../checks/types';
import { classifyResourceType } from '../classification/classifyResourceType';
import {
  compileChecklistConfig,
  type CompiledChecklistConfig,
} from '../config/compileChecklistConfig';
import { defaultChecklistConfig } from '../config/defaultChecklistConfig';
import type { ChecklistConfig } from '../config/types';
import type { AwsResource, OwnershipContext } from '../model/types';
import { gradeForScore, roundScore } from './grade';
import type { ResourceRating } from './types';

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function runCheck(
  check: Check,
  input: CheckInput,
  severity: Severity,
): CheckResult {
  try {
    const outcome = check.evaluate(input);
    const status = outcome?.status;
    if (status === 'pass' || status === 'fail' || status === 'not-applicable') {
      const message = String(outcome.message ?? '');
      const { remediation, command } = outcome;
      // one literal per shape (same key order), rather than adding properties
      if (remediation === undefined) {
        if (command === undefined) {
          return {
            checkId: check.id,
            checklist: check.checklist,
            status,
            severity,
            message,
          };
        }
        return {
          checkId: check.id,
          checklist: check.checklist,
          status,
          severity,
          message,
          command,
        };
      }
      if (command === undefined) {
        return {
          checkId: check.id,
          checklist: check.checklist,
          status,
          severity,
          message,
          remediation,
        };
      }
      return {
        checkId: check.id,
        checklist: check.checklist,
        status,
        severity,
        message,
        remediation,
        command,
      };
    }
    return {
      checkId: check.id,
      checklist: check.checklist,
      status: 'not-applicable',
      severity,
      message: 'The check returned no valid status',
    };
  } catch (error) {
    return failedResult(check, severity, error);
  }
}

/** A broken (custom) check must not sink the rating: it reports no verdict. */
function failedResult(
  check: Check,
  severity: Severity,
  error: unknown,
): CheckResult {
  return {
    checkId: check.id,
    checklist: check.checklist,
    status: 'not-applicable',
    severity,
    message: `The check could not run: ${errorMessage(error)}`,
  };
}

/** A check as a config rates it; also what its results say of it (see `rateAs`). */
interface PlannedCheck extends RatedAs {
  check: Check;
  weight: number;
}

/** What a config makes of the built-in checks: the enabled ones with their rated severity, in order. */
interface Plan {
  compiled: CompiledChecklistConfig;
  builtins: PlannedCheck[];
  /** Whether `classification.overrides` has any key. */
  hasOverrides: boolean;
  /** The tag keys the checks look up. */
  slots: KeySlots;
}

/** Every tag key a built-in check looks up under this config. */
function lookedUpKeys(config: ChecklistConfig): unknown[] {
  const keys: unknown[] = ['Name'];
  const add = (list: unknown) => {
    if (Array.isArray(list)) keys.push(...list);
  };
  const { ownership, tagging, responsibility } =
    config as Partial<ChecklistConfig>;
  add(ownership?.ownerTagKeys);
  add(tagging?.requiredKeys);
  if (tagging?.allowedValues) add(Object.keys(tagging.allowedValues));
  keys.push(tagging?.environmentTagKey);
  keys.push(responsibility?.dataClassificationTagKey);
  add(responsibility?.escalationTagKeys);
  add(responsibility?.backupTagKeys);
  add(responsibility?.patchTagKeys);
  add(responsibility?.availabilityTagKeys);
  add(responsibility?.encryptionTagKeys);
  add(responsibility?.managedByTagKeys);
  return keys;
}

const plans = new WeakMap<ChecklistConfig, Plan>();
// A scan rates every resource with the same config: skip even the WeakMap.
let lastConfig: ChecklistConfig | undefined;
let lastPlan: Plan | undefined;

function planFor(config: ChecklistConfig): Plan {
  if (config === lastConfig && lastPlan) return lastPlan;
  let plan = plans.get(config);
  if (!plan) {
    const compiled = compileChecklistConfig(config);
    plan = {
      compiled,
      builtins: builtinChecks
        .filter(check => !compiled.disabled.has(check.id))
        .map(check => plannedCheck(check, compiled)),
      hasOverrides: Object.keys(compiled.classificationOverrides).length > 0,
      slots: new KeySlots(lookedUpKeys(config), compiled),
    };
    plans.set(config, plan);
  }
  lastConfig = config;
  lastPlan = plan;
  return plan;
}

function plannedCheck(
  check: Check,
  compiled: CompiledChecklistConfig,
): PlannedCheck {
  const severity =
    (compiled.severity.size && compiled.severity.get(check.id)) ||
    check.severity;
  return {
    checkId: check.id,
    checklist: check.checklist,
    severity,
    check,
    weight: severityWeights[severity] ?? 0,
  };
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
  const plan = planFor(config);
  const compiled = plan.compiled;
  const input: CheckInput = {
    resource,
    context: context ?? {},
    config,
    compiled,
    category: plan.hasOverrides
      ? classifyResourceType(
          resource.resourceType,
          compiled.classificationOverrides,
        )
      : classifyResourceType(resource.resourceType),
    tags: new TagIndex(resource.tags, plan.slots),
  };

  const builtins = plan.builtins;
  const n = builtins.length;
  // sized once: every built-in check yields exactly one result
  const results: CheckResult[] = new Array(n);
  let applicable = 0;
  let passed = 0;
  // a plain loop, no per-call closures: this runs for every resource of a scan.
  // Built-in checks build their result themselves (see `rateAs`) and always
  // return a valid status; one that throws reports no verdict, and the loop
  // goes on with the next (the try is entered once per resource, not per check).
  let i = 0;
  while (i < n) {
    try {
      for (; i < n; i++) {
        const planned = builtins[i];
        const check = planned.check;
        rateAs(planned);
        const result = check.evaluate(input) as CheckResult;
        results[i] = result;
        const status = result.status;
        if (status !== 'not-applicable') {
          applicable += planned.weight;
          if (status === 'pass') passed += planned.weight;
        }
      }
    } catch (error) {
      stopRating();
      const planned = builtins[i];
      results[i] = failedResult(planned.check, planned.severity, error);
      i++;
    }
  }
  stopRating();
  if (extraChecks.length) {
    // an extension check may not shadow a built-in or an earlier extension
    const seen = new Set(builtinChecks.map(c => c.id));
    for (const check of extraChecks) {
      if (compiled.disabled.size && compiled.disabled.has(check.id)) continue;
      if (seen.has(check.id)) continue;
      seen.add(check.id);
      const planned = plannedCheck(check, compiled);
      const result = runCheck(check, input, planned.severity);
      results.push(result);
      if (result.status !== 'not-applicable') {
        applicable += planned.weight;
        if (result.status === 'pass') passed += planned.weight;
      }
    }
  }

  const score =
    applicable === 0 ? 100 : roundScore((100 * passed) / applicable);
  return { arn: resource.arn, score, grade: gradeForScore(score), results };
}
