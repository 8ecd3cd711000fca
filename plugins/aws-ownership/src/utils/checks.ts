import {
  ApiCheckInForce,
  getCheckDefinition,
} from '@aws-ownership/backstage-plugin-common';

/** What the frontend shows about a check. */
export interface CheckText {
  title: string;
  description?: string;
  remediation?: string;
}

/**
 * The title, description and remediation of a check: from `-common` for the
 * built-in checks, from `GET /checks` for checks added by backend modules,
 * and the bare id when neither knows it.
 */
export function checkText(
  checkId: string,
  fromBackend?: ReadonlyMap<string, ApiCheckInForce>,
): CheckText {
  const builtin = getCheckDefinition(checkId);
  if (builtin) return builtin;
  const added = fromBackend?.get(checkId);
  if (added) return added;
  return { title: checkId };
}
