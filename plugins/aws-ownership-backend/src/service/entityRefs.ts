import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { unownedTeamRef } from '@aws-ownership/backstage-plugin-common';

/** The kinds a scorecard can be asked for. */
export type ScorecardKind = 'group' | 'component' | 'system' | 'unowned';

/** An entity ref in its full lowercase form, and its kind. */
export interface NormalizedEntityRef {
  ref: string;
  kind: ScorecardKind;
}

const kindNames: Record<string, string> = {
  group: 'Groups',
  component: 'Components',
  system: 'Systems',
};

/**
 * Normalises an entity ref from a request (`payments`, `group:payments`,
 * `Group:default/Payments`) to its full lowercase form; `unowned` stays as is.
 * Throws InputError for a malformed ref or a kind not in `kinds`.
 */
export function normalizeEntityRef(
  value: string,
  defaultKind = 'group',
  kinds: ReadonlyArray<Exclude<ScorecardKind, 'unowned'>> = [
    'group',
    'component',
    'system',
  ],
): NormalizedEntityRef {
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
  const allowed = kinds.find(k => k === kind);
  if (!allowed) {
    const names = kinds.map(k => kindNames[k]);
    throw new InputError(
      `'${value}' is a ${parsed.kind}; expected ${names.join(
        ', ',
      )} or 'unowned'`,
    );
  }
  return {
    ref: stringifyEntityRef(parsed).toLocaleLowerCase('en-US'),
    kind: allowed,
  };
}
