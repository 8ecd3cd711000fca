/** Checklist configuration of the aws-ownership plugins (defaults: `defaultChecklistConfig`). */
export interface Config {
  awsOwnership?: {
    /** How owners and components are found in tags. */
    ownership?: {
      /** Owner tag keys, matched case-insensitively; the first present wins. Default: owner, team. */
      ownerTagKeys?: string[];
      /** Component tag keys. Default: component, app, application. */
      componentTagKeys?: string[];
    };
    /** Thresholds of the naming, tagging and responsibility checklists. */
    checklists?: {
      naming?: {
        /** Name convention regex. Default: ^[a-z0-9]+(?:-[a-z0-9]+)+$ */
        pattern?: string;
        /** Default 3. */
        minLength?: number;
        /** Default 63. */
        maxLength?: number;
        /** Name words that denote an environment, mapped to the environment tag value they mean. */
        environmentTokens?: { [token: string]: string };
      };
      tagging?: {
        /** Default: owner, environment, cost-center, application. */
        requiredKeys?: string[];
        /** Allowed values per key; merged key by key over the defaults; [] lifts a restriction. */
        allowedValues?: { [key: string]: string[] };
        /** Default kebab. */
        keyStyle?: 'kebab' | 'snake' | 'camel' | 'pascal';
        keyStyleExemptKeys?: string[];
        keyStyleExemptPrefixes?: string[];
        placeholderValues?: string[];
        /** Default 45. */
        maxUserTags?: number;
        /** Default environment. */
        environmentTagKey?: string;
      };
      responsibility?: {
        escalationTagKeys?: string[];
        escalationAnnotations?: string[];
        dataClassificationTagKey?: string;
        backupTagKeys?: string[];
        patchTagKeys?: string[];
        availabilityTagKeys?: string[];
        encryptionTagKeys?: string[];
        encryptionRequiredClassifications?: string[];
        managedByTagKeys?: string[];
        managedByTagPrefixes?: string[];
        unmanagedValues?: string[];
      };
      checks?: {
        /** Check ids that are not run. */
        disabled?: string[];
        /** Severity overrides by check id. */
        severity?: {
          [checkId: string]: 'critical' | 'high' | 'medium' | 'low';
        };
      };
      scoring?: {
        /**
         * The highest score a resource failing a check of a severity can have;
         * merged over the defaults: critical 39.9, high 74.9, medium 89.9 (low
         * does not cap). 0 to 100; 100 lifts a cap.
         */
        caps?: {
          critical?: number;
          high?: number;
          medium?: number;
          low?: number;
        };
      };
      classification?: {
        /** Category overrides by `service:type`. */
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
