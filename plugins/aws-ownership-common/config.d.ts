/** Checklist configuration of the aws-ownership plugins (defaults: `defaultChecklistConfig`). */
export interface Config {
  awsOwnership?: {
    /** How owners and components are read from tags. */
    ownership?: {
      /** Tag keys naming the owning team, first present wins. Default [owner, team]. */
      ownerTagKeys?: string[];
      /** Tag keys naming the component. Default [component, app, application]. */
      componentTagKeys?: string[];
    };
    /**
     * Overrides of the checklists' defaults (the common package's README has
     * them). Maps merge key by key over the defaults; lists and values replace.
     */
    checklists?: {
      /** Same as `awsOwnership.ownership`, which wins when both are set. */
      ownership?: {
        /** Tag keys naming the owning team, first present wins. */
        ownerTagKeys?: string[];
        /** Tag keys naming the Component or System. */
        componentTagKeys?: string[];
      };
      /** The naming checklist. */
      naming?: {
        /** The naming convention, a regular expression source (no flags). */
        pattern?: string;
        /** Shortest allowed name. Default 3. */
        minLength?: number;
        /** Longest allowed name. Default 63. */
        maxLength?: number;
        /** Name words that denote an environment, mapped to the environment tag value they mean. */
        environmentTokens?: { [token: string]: string };
      };
      /** The tagging checklist. */
      tagging?: {
        /** Keys every resource must carry with a non-blank value. */
        requiredKeys?: string[];
        /** Allowed values per tag key; an empty list lifts the restriction. */
        allowedValues?: { [tagKey: string]: string[] };
        /** The style every user tag key must follow. Default kebab. */
        keyStyle?: 'kebab' | 'snake' | 'camel' | 'pascal';
        /** Keys exempt from the key style. */
        keyStyleExemptKeys?: string[];
        /** Key prefixes exempt from the key style (tools' own namespaces). */
        keyStyleExemptPrefixes?: string[];
        /** Values that count as placeholders, compared case-insensitively. */
        placeholderValues?: string[];
        /** The most user tags a resource may carry (AWS allows 50). Default 45. */
        maxUserTags?: number;
        /** The tag key holding the environment. */
        environmentTagKey?: string;
      };
      /** The responsibility checklist. */
      responsibility?: {
        /** Tag keys that declare an escalation path. */
        escalationTagKeys?: string[];
        /** Group annotations that declare an escalation path. */
        escalationAnnotations?: string[];
        /** The tag key holding the data classification. */
        dataClassificationTagKey?: string;
        /** Tag keys that say how a resource is backed up. */
        backupTagKeys?: string[];
        /** Tag keys that name the patch baseline. */
        patchTagKeys?: string[];
        /** Tag keys that declare an availability or recovery objective. */
        availabilityTagKeys?: string[];
        /** Tag keys that declare the client-side encryption scheme. */
        encryptionTagKeys?: string[];
        /** Classifications that require client-side encryption on abstract data stores. */
        encryptionRequiredClassifications?: string[];
        /** Tag keys that evidence configuration management. */
        managedByTagKeys?: string[];
        /** Tag key prefixes that evidence configuration management. */
        managedByTagPrefixes?: string[];
        /** `managed-by` values that say the resource is not managed by code. */
        unmanagedValues?: string[];
      };
      /** Which checks run and how much they weigh. */
      checks?: {
        /** Ids of checks that are not run. */
        disabled?: string[];
        /** Severity overrides by check id. */
        severity?: {
          [checkId: string]: 'critical' | 'high' | 'medium' | 'low';
        };
      };
      /** How check results become a resource's score. */
      scoring?: {
        /**
         * The highest score a resource failing a check of each severity can
         * have. Default critical 39.9, high 74.9, medium 89.9.
         */
        caps?: {
          critical?: number;
          high?: number;
          medium?: number;
          low?: number;
        };
      };
      /** Shared Responsibility classification. */
      classification?: {
        /** Category by `service:type`, applied over the built-in table. */
        overrides?: {
          [resourceType: string]:
            | 'infrastructure'
            | 'container'
            | 'abstract'
            | 'unclassified';
        };
      };
    };
  };
}
