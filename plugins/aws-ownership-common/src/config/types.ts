import type { Severity } from '../checks/severity';
import type { ResponsibilityCategory } from '../model/types';

/**
 * Tag key styles `tagging.key-style` can enforce.
 *
 * @public
 */
export type TagKeyStyle = 'kebab' | 'snake' | 'camel' | 'pascal';

/**
 * The checklist configuration: every threshold of the rules, with defaults in
 * `defaultChecklistConfig`. The checks take it as `resolveChecklistConfig`
 * returns it: the vocabularies matched case-insensitively are lowercase.
 *
 * @public
 */
export interface ChecklistConfig {
  /** How owners and components are found in tags (read by the backend and the responsibility checks). */
  ownership: {
    /** Tag keys naming the owning team, matched case-insensitively; the first present wins. */
    ownerTagKeys: string[];
    /** Tag keys naming the Component or System. */
    componentTagKeys: string[];
  };
  /** Naming checklist settings. */
  naming: {
    /** The name convention, a regular expression source (no flags). */
    pattern: string;
    /** Shortest allowed name. */
    minLength: number;
    /** Longest allowed name. */
    maxLength: number;
    /** Name tokens that denote an environment, mapped to the environment tag value they mean (both lowercase once resolved). */
    environmentTokens: Record<string, string>;
  };
  /** Tagging checklist settings. */
  tagging: {
    /** Keys every resource must carry with a non-blank value. */
    requiredKeys: string[];
    /** Allowed values per key, compared exactly; an empty list lifts the restriction. */
    allowedValues: Record<string, string[]>;
    /** The style every user tag key must follow. */
    keyStyle: TagKeyStyle;
    /** Keys exempt from the key style (exact). */
    keyStyleExemptKeys: string[];
    /** Key prefixes exempt from the key style (tools' own namespaces), matched case-insensitively (lowercase once resolved). */
    keyStyleExemptPrefixes: string[];
    /** Values that count as placeholders, compared case-insensitively after trimming (lowercase once resolved). */
    placeholderValues: string[];
    /** The most user tags a resource may use (AWS allows 50). */
    maxUserTags: number;
    /** The tag key holding the environment. */
    environmentTagKey: string;
  };
  /** Responsibility checklist settings. */
  responsibility: {
    /** Tag keys that declare an escalation path. */
    escalationTagKeys: string[];
    /** Group annotations that declare an escalation path (read by the backend for `ownerHasEscalation`). */
    escalationAnnotations: string[];
    /** The tag key holding the data classification. */
    dataClassificationTagKey: string;
    /** Tag keys that say how a resource is backed up. */
    backupTagKeys: string[];
    /** Tag keys that name the patch baseline. */
    patchTagKeys: string[];
    /** Tag keys that declare an availability or recovery objective. */
    availabilityTagKeys: string[];
    /** Tag keys that declare the client-side or customer-managed-key encryption scheme. */
    encryptionTagKeys: string[];
    /** Classifications that require client-side encryption on abstract data stores, matched case-insensitively (lowercase once resolved). */
    encryptionRequiredClassifications: string[];
    /** Tag keys that evidence configuration management. */
    managedByTagKeys: string[];
    /** Tag key prefixes that evidence configuration management (Terraform, CDK, Pulumi markers), matched case-insensitively (lowercase once resolved). */
    managedByTagPrefixes: string[];
    /** `managed-by` values that say the resource is not managed by code, matched case-insensitively (lowercase once resolved). */
    unmanagedValues: string[];
  };
  /** Which checks run and how much they weigh. */
  checks: {
    /** Check ids that are not run. */
    disabled: string[];
    /** Severity overrides by check id. */
    severity: Record<string, Severity>;
  };
  /** How check results become a resource's score. */
  scoring: {
    /**
     * The highest score a resource failing a check of each severity can have
     * (default critical 39.9, high 74.9, medium 89.9; a severity without a cap
     * does not cap). Merged key by key over the defaults.
     */
    caps: Partial<Record<Severity, number>>;
  };
  /** Classification table overrides. */
  classification: {
    /** Category by `service:type`, applied over the built-in table. */
    overrides: Record<string, ResponsibilityCategory>;
  };
}

/**
 * A partial checklist configuration, as an adopter writes it.
 *
 * @public
 */
export type PartialChecklistConfig = {
  [K in keyof ChecklistConfig]?: Partial<ChecklistConfig[K]>;
};
