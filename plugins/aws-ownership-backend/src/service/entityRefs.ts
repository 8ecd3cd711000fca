import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { unownedTeamRef } from '@aws-ownership/backstage-plugin-common';

/** The kinds a scorecard can be asked for. */
export type ScorecardKind = 'group' | 'component' | 'system' | 'unowned';

/**
 * Normalises an entity ref from a request (`payments`, `group:payments`,
 * `Group:default/Payments`) to its full lowercase form; `unowned` stays as is.
 * Throws InputError for anything else.
 */
export function normalizeEntityRef(
  value: string,
  defaultKind = 'group',
): { ref: string; kind: ScorecardKind } {
  const trimmed = value.trim();
  if (trimmed.toLocaleLowerCase('en-US') === unownedTeamRef) {
    return { ref: unownedTeamRef, kind: 'unowned' };
  }
  let parsed;
  try {
    parsed = parseEntityRef(trimmed, {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `'${value}' is not an entity ref: ${(error as Error).message}`,
    );
  }
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  if (kind !== 'group' && kind !== 'component' && kind !== 'system') {
    throw new InputError(
      `'${value}' is a ${parsed.kind}; scorecards exist for Groups, Components, Systems and 'unowned'`,
    );
  }
  return {
    ref: stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
    kind,
  };
}
