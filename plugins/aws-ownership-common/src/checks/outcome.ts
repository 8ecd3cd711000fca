import type { AwsResource } from '../model/types';
import { tagResourcesCommand } from './remediation';
import type { CheckBasis, CheckOutcome } from './types';

/** A passing outcome. */
export const pass = (message: string, basis?: CheckBasis): CheckOutcome =>
  basis ? { status: 'pass', message, basis } : { status: 'pass', message };

/** A not-applicable outcome. */
export const notApplicable = (message: string): CheckOutcome => ({
  status: 'not-applicable',
  message,
});

/** A failing outcome whose fix is one tag: the remediation quotes the tag-resources command. */
export function failWithTag(
  resource: AwsResource,
  message: string,
  advice: string,
  tag: [key: string, value: string],
  basis?: CheckBasis,
): CheckOutcome {
  const command = tagResourcesCommand(resource, [tag]);
  const outcome: CheckOutcome = {
    status: 'fail',
    message,
    remediation: `${advice}: ${command}`,
    command,
  };
  if (basis) outcome.basis = basis;
  return outcome;
}
