import { outcome } from './outcome';
import { tagResourceCommand, tagResourcesCommand } from './remediation';
import { displayValue } from './secrets';
import { namingSubject, type NamingSubject } from './namingSubject';
import { isBlank } from './tagHelpers';
import { displayTaggedValue, displayTagValue, toLower } from './tagIndex';
import type { Check, CheckInput, CheckOutcome } from './types';

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

// Every placeholder pattern is anchored and starts with one of these letters
// (either case; without the u flag, /i folds no other character onto them).
const noPatterns: ReadonlyArray<RegExp> = [];

/** Whether a name may match a placeholder pattern, from its first letter (l, d, t, u, n, c, m). */
function maybePlaceholder(name: string): boolean {
  const c = name.charCodeAt(0) | 32;
  return (
    c === 108 ||
    c === 100 ||
    c === 116 ||
    c === 117 ||
    c === 110 ||
    c === 99 ||
    c === 109
  );
}

const na = (message: string): CheckOutcome =>
  outcome('not-applicable', message);

// Three or four checks show the same name in turn: redact it once.
let shownSubject: NamingSubject | undefined;
let shownText = '';

/** The subject's name as messages show it (`displayValue`), remembered for the last subject. */
function shownName(input: CheckInput, subject: NamingSubject): string {
  if (subject !== shownSubject) {
    shownText = subject.fromTag
      ? displayTaggedValue(input, 'Name', subject.name)
      : displayValue(subject.name);
    shownSubject = subject;
  }
  return shownText;
}

// a character of `[a-z0-9]`
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Suggests a kebab-case form of a name: `OrdersData_Prod` becomes `orders-data-prod`. */
export function suggestKebabName(name: string): string {
  return isAscii(name) ? asciiKebabName(name) : regexKebabName(name);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 128) return false;
  }
  return true;
}

/**
 * `regexKebabName` in one pass, for ASCII names (where lowercasing is plain
 * `A-Z` to `a-z`): a lowercase letter or digit followed by a capital gets a
 * `-` between them, every run of other characters becomes one `-`, none at
 * either end, at most 63 characters.
 */
function asciiKebabName(name: string): string {
  let out = '';
  let dash = false;
  let previousWord = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    if (upper) {
      if (previousWord) dash = true;
      c += 32;
    }
    previousWord = isWordChar(c) && !upper;
    if (isWordChar(c)) {
      if (dash && out !== '') out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else {
      dash = true;
    }
  }
  return out.length > 63 ? out.slice(0, 63).replace(/-+$/, '') : out;
}

function regexKebabName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

// The default naming.pattern, tested by a character loop instead of the regex.
const defaultNamePattern = '^[a-z0-9]+(?:-[a-z0-9]+)+$';
let patternSeen: RegExp | undefined;
let patternIsDefault = false;

/** `pattern.test(name)`; a plain loop for the default pattern. */
function matchesNamePattern(pattern: RegExp, name: string): boolean {
  if (pattern !== patternSeen) {
    patternIsDefault =
      pattern.source === defaultNamePattern && pattern.flags === '';
    patternSeen = pattern;
  }
  return patternIsDefault ? isKebabOfWords(name) : pattern.test(name);
}

/** Whether a name is two or more words of `[a-z0-9]` joined by single `-`. */
function isKebabOfWords(name: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) words++;
      inWord = true;
    } else if (c === 45 && inWord) {
      inWord = false;
    } else {
      return false;
    }
  }
  return inWord && words >= 2;
}

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
    const subject = namingSubject(input);
    if (!subject.generatedId) {
      return na(`The id "${subject.name}" is a name a person chose`);
    }
    if (subject.fromTag) {
      return outcome('pass', `Name tag is "${shownName(input, subject)}"`);
    }
    const command = tagResourceCommand(input.resource, 'Name', 'NAME');
    return outcome(
      'fail',
      `No Name tag: "${subject.name}" is an AWS-generated id`,
      `Add a Name tag that says what it is: ${command}`,
      command,
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
    const subject = namingSubject(input);
    if (subject.anonymous) {
      return na(`No name to judge: "${subject.name}" is an AWS-generated id`);
    }
    const { naming } = input.config;
    const pattern = input.compiled.namingPattern;
    if (!pattern) {
      return na('naming.pattern is not a valid regular expression');
    }
    const name = subject.name;
    const shown = shownName(input, subject);
    const problems: string[] = [];
    if (name.length < naming.minLength) {
      problems.push(`is shorter than ${naming.minLength} characters`);
    }
    if (name.length > naming.maxLength) {
      problems.push(`is longer than ${naming.maxLength} characters`);
    }
    if (!matchesNamePattern(pattern, name)) {
      problems.push(`does not match ${pattern.source}`);
    }
    if (problems.length === 0) {
      return outcome('pass', `Name "${shown}" follows the naming convention`);
    }
    const suggestion = suggestKebabName(name);
    const usable =
      suggestion.length >= naming.minLength &&
      suggestion.length <= naming.maxLength &&
      matchesNamePattern(pattern, suggestion);
    const command = tagResourcesCommand(input.resource, [
      ['Name', usable ? suggestion : 'NAME'],
    ]);
    return outcome(
      'fail',
      `Name "${shown}" ${problems.join(' and ')}`,
      `${
        usable
          ? `Use a conforming name such as "${suggestion}"`
          : 'Choose a name that follows the convention'
      } in the Name tag: ${command}`,
      command,
    );
  },
};

let tokensFor: ReadonlyMap<string, string> | undefined;
let tokensOfLength: ReadonlyArray<ReadonlyArray<string> | undefined> = [];

/** The environment tokens by their length (remembered for the last token map). */
function tokensByLength(
  tokens: ReadonlyMap<string, string>,
): ReadonlyArray<ReadonlyArray<string> | undefined> {
  if (tokens !== tokensFor) {
    const byLength: string[][] = [];
    for (const token of tokens.keys()) {
      (byLength[token.length] ??= []).push(token);
    }
    tokensOfLength = byLength;
    tokensFor = tokens;
  }
  return tokensOfLength;
}

/** The one of `candidates` (tokens as long as the word) that the word at `start` of `lower` is. */
function tokenAt(
  lower: string,
  start: number,
  candidates: ReadonlyArray<string>,
): string | undefined {
  for (let t = 0; t < candidates.length; t++) {
    if (lower.startsWith(candidates[t], start)) return candidates[t];
  }
  return undefined;
}

/**
 * The words of a lowercase name (runs of `[a-z0-9]`, as `split(/[^a-z0-9]+/)`
 * gives them) that are environment tokens, in order, or undefined when there
 * is none; one pass, comparing each word with the tokens of its length in
 * place (no word is sliced out).
 */
function environmentWords(
  lower: string,
  tokens: ReadonlyMap<string, string>,
): string[] | undefined {
  let words: string[] | undefined;
  const n = lower.length;
  const byLength = tokensByLength(tokens);
  // split yields empty words at a leading or trailing separator (or for '')
  const emptyWords = tokens.has('');
  let start =
    emptyWords && (n === 0 || !isWordChar(lower.charCodeAt(0))) ? -2 : -1;
  for (let i = 0; i <= n; i++) {
    let word: string | undefined;
    if (start === -2) {
      word = '';
      start = -1;
    }
    if (i < n && isWordChar(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const candidates = byLength[i - start];
      if (candidates !== undefined) word = tokenAt(lower, start, candidates);
      start = -1;
    } else if (emptyWords && i > 0 && i === n) {
      word = '';
    }
    if (word !== undefined) (words ??= []).push(word);
  }
  return words;
}

/** Whether one of the environment words belongs to `family`. */
function saysFamily(
  words: ReadonlyArray<string>,
  tokens: ReadonlyMap<string, string>,
  family: string,
): boolean {
  for (let i = 0; i < words.length; i++) {
    if (tokens.get(words[i]) === family) return true;
  }
  return false;
}

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
    const subject = namingSubject(input);
    if (subject.anonymous) {
      return na(`No name to judge: "${subject.name}" is an AWS-generated id`);
    }
    const tokens = input.compiled.environmentTokens;
    const found = environmentWords(toLower(subject.name), tokens);
    const shown = shownName(input, subject);
    if (found === undefined) {
      return na(`Name "${shown}" contains no environment word`);
    }
    const envKey = input.config.tagging.environmentTagKey;
    const envValue = input.tags.get(envKey);
    if (envValue === undefined || isBlank(envValue)) {
      return na(
        `Name "${shown}" says ${found.join(
          '/',
        )} but there is no ${envKey} tag to compare (tagging.required reports it)`,
      );
    }
    const normalised = toLower(envValue.trim());
    const tagFamily = tokens.get(normalised) ?? normalised;
    if (saysFamily(found, tokens, tagFamily)) {
      return outcome(
        'pass',
        `Name "${shown}" and ${envKey}=${displayTagValue(
          input,
          envValue,
        )} agree`,
      );
    }
    const writtenKey = input.tags.keyOf(envKey) ?? envKey;
    // the family of the first environment word
    const implied = tokens.get(found[0])!;
    const command = tagResourceCommand(input.resource, writtenKey, implied);
    return outcome(
      'fail',
      `Name "${shown}" says ${
        found.length === 1 ? found[0] : found.join('/')
      } but ${writtenKey}=${displayTagValue(input, envValue)}`,
      `If the tag is wrong, set it: ${command}; if the name is wrong, rename the resource (or its Name tag).`,
      command,
    );
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
    const subject = namingSubject(input);
    if (subject.anonymous) {
      return na(`No name to judge: "${subject.name}" is an AWS-generated id`);
    }
    const shown = shownName(input, subject);
    for (const pattern of maybePlaceholder(subject.name)
      ? placeholderNamePatterns
      : noPatterns) {
      if (pattern.test(subject.name)) {
        const command = tagResourceCommand(input.resource, 'Name', 'NAME');
        return outcome(
          'fail',
          `Name "${shown}" is a default or throw-away name`,
          `Name it for its purpose (${command}), or delete it if nobody needs it.`,
          command,
        );
      }
    }
    return outcome('pass', `Name "${shown}" is not a placeholder`);
  },
};

/** The naming checklist, in order. */
export const namingChecks: ReadonlyArray<Check> = [
  namePresentCheck,
  conventionCheck,
  environmentConsistentCheck,
  noPlaceholderNameCheck,
];
