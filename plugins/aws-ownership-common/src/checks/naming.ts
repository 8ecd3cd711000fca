import type { NamingSubject } from './namingSubject';
import { failWithTag, notApplicable, pass } from './outcome';
import { tagResourcesCommand } from './remediation';
import { displayValue } from './secrets';
import { isBlank } from './tags';
import type { Check, CheckInput, CheckOutcome } from './types';

/** The subject, or a not-applicable outcome when there is only an AWS-generated id to judge. */
function humanName(input: CheckInput): NamingSubject | CheckOutcome {
  const subject = input.naming;
  if (subject.generatedId && !subject.fromTag) {
    return notApplicable(
      `No name to judge: "${subject.name}" is an AWS-generated id`,
    );
  }
  return subject;
}

const isOutcome = (x: NamingSubject | CheckOutcome): x is CheckOutcome =>
  'status' in x;

/** Suggests a kebab-case form of a name: `OrdersData_Prod` becomes `orders-data-prod`. */
export function suggestKebabName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

function tryRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

const placeholderNamePatterns: ReadonlyArray<RegExp> = [
  /^launch-wizard(?:-\d+)?$/i,
  /^default$/i,
  /^test[-_ ]?\d*$/i,
  /^(?:tmp|temp)(?:$|[^a-z])/i,
  /^untitled/i,
  /^new(?:$|[-_ ])/i,
  /^copy[-_ ]of(?:$|[-_ ])/i,
  /^my(?:$|[-_ ])/i,
];

/** `naming.name-present`: resources with AWS-generated ids carry a `Name` tag. */
export const namePresentCheck: Check = {
  id: 'naming.name-present',
  checklist: 'naming',
  title: 'Name tag present',
  description:
    'Resources whose ids AWS generates (EC2 instances, volumes, security groups, VPCs, KMS keys, ...) are anonymous without a Name tag: nobody can tell what i-0abc123 is for.',
  severity: 'high',
  appliesTo:
    'Types whose id is AWS-generated: the EC2 family, KMS keys, ACM certificates, EFS/FSx file systems, CloudFront, Route 53 zones, and any id that looks generated.',
  remediation: 'Add a non-blank Name tag that says what the resource is.',
  evaluate(input) {
    const subject = input.naming;
    if (!subject.generatedId) {
      return notApplicable(`The id "${subject.name}" is a name a person chose`);
    }
    if (subject.fromTag) return pass(`Name tag is "${subject.shown}"`);
    return failWithTag(
      input.resource,
      `No Name tag: "${subject.name}" is an AWS-generated id`,
      'Add a Name tag that says what it is',
      ['Name', 'NAME'],
    );
  },
};

/** `naming.convention`: the name matches `naming.pattern` and length limits. */
export const conventionCheck: Check = {
  id: 'naming.convention',
  checklist: 'naming',
  title: 'Name follows the convention',
  description:
    'Names follow one convention (default: lowercase kebab-case of at least two words, 3 to 63 characters) so they sort, search and read alike.',
  severity: 'medium',
  appliesTo:
    'All resources with a human name (an AWS-generated id without a Name tag is judged by naming.name-present instead).',
  remediation:
    'Set a Name tag that follows naming.pattern (names from ids such as bucket names cannot be changed, the Name tag takes precedence).',
  evaluate(input) {
    const subject = humanName(input);
    if (isOutcome(subject)) return subject;
    const { pattern: source, minLength, maxLength } = input.config.naming;
    const pattern = tryRegExp(source);
    if (!pattern) {
      return notApplicable('naming.pattern is not a valid regular expression');
    }
    const conforms = (name: string) =>
      name.length >= minLength &&
      name.length <= maxLength &&
      pattern.test(name);
    const { name, shown } = subject;
    if (conforms(name)) {
      return pass(`Name "${shown}" follows the naming convention`);
    }
    const problems = [
      name.length < minLength && `is shorter than ${minLength} characters`,
      name.length > maxLength && `is longer than ${maxLength} characters`,
      !pattern.test(name) && `does not match ${pattern.source}`,
    ].filter(Boolean);
    const suggestion = suggestKebabName(name);
    const usable = conforms(suggestion);
    const command = tagResourcesCommand(input.resource, [
      ['Name', usable ? suggestion : 'NAME'],
    ]);
    return {
      status: 'fail',
      message: `Name "${shown}" ${problems.join(' and ')}`,
      remediation: `${
        usable
          ? `Use a conforming name such as "${suggestion}"`
          : 'Choose a name that follows the convention'
      } in the Name tag: ${command}`,
      command,
    };
  },
};

/** `naming.environment-consistent`: an environment word in the name agrees with the environment tag. */
export const environmentConsistentCheck: Check = {
  id: 'naming.environment-consistent',
  checklist: 'naming',
  title: 'Name and environment tag agree',
  description:
    'A name that says prod on a resource tagged environment=dev misleads whoever is on call: one of the two is wrong.',
  severity: 'high',
  appliesTo:
    'Resources whose name contains an environment word (prod, production, stg, staging, dev, test, qa) and that carry an environment tag.',
  remediation: 'Correct whichever is wrong: the environment tag or the name.',
  evaluate(input) {
    const subject = humanName(input);
    if (isOutcome(subject)) return subject;
    // the environment a lowercase word means, if it is a token
    const tokens = input.config.naming.environmentTokens;
    const meaning = (word: string) =>
      Object.hasOwn(tokens, word) ? tokens[word] : undefined;
    const found = subject.name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(word => meaning(word) !== undefined);
    const { shown } = subject;
    if (found.length === 0) {
      return notApplicable(`Name "${shown}" contains no environment word`);
    }
    const envKey = input.config.tagging.environmentTagKey;
    const envValue = input.tags.get(envKey);
    if (isBlank(envValue)) {
      return notApplicable(
        `Name "${shown}" says ${found.join(
          '/',
        )} but there is no ${envKey} tag to compare (tagging.required reports it)`,
      );
    }
    const normalised = envValue!.trim().toLowerCase();
    const tagEnvironment = meaning(normalised) ?? normalised;
    if (found.some(word => meaning(word) === tagEnvironment)) {
      return pass(
        `Name "${shown}" and ${envKey}=${displayValue(envValue!)} agree`,
      );
    }
    const writtenKey = input.tags.keyOf(envKey) ?? envKey;
    const command = tagResourcesCommand(input.resource, [
      [writtenKey, meaning(found[0])!],
    ]);
    return {
      status: 'fail',
      message: `Name "${shown}" says ${found.join(
        '/',
      )} but ${writtenKey}=${displayValue(envValue!)}`,
      remediation: `If the tag is wrong, set it: ${command}; if the name is wrong, rename the resource (or its Name tag).`,
      command,
    };
  },
};

/** `naming.no-placeholder`: the name is not a default or throw-away name. */
export const noPlaceholderNameCheck: Check = {
  id: 'naming.no-placeholder',
  checklist: 'naming',
  title: 'No placeholder name',
  description:
    'Default and throw-away names (launch-wizard-3, default, test, tmp-..., untitled, new-..., copy-of-..., my-...) mark resources made by hand and forgotten.',
  severity: 'medium',
  appliesTo: 'All resources with a human name.',
  remediation:
    'Give it a name that says what it is for, or delete it if it is a forgotten experiment.',
  evaluate(input) {
    const subject = humanName(input);
    if (isOutcome(subject)) return subject;
    if (!placeholderNamePatterns.some(p => p.test(subject.name))) {
      return pass(`Name "${subject.shown}" is not a placeholder`);
    }
    const command = tagResourcesCommand(input.resource, [['Name', 'NAME']]);
    return {
      status: 'fail',
      message: `Name "${subject.shown}" is a default or throw-away name`,
      remediation: `Name it for its purpose (${command}), or delete it if nobody needs it.`,
      command,
    };
  },
};

/** The naming checklist, in order. */
export const namingChecks: ReadonlyArray<Check> = [
  namePresentCheck,
  conventionCheck,
  environmentConsistentCheck,
  noPlaceholderNameCheck,
];
