import type {
  CheckResult,
  CheckStatus,
  ChecklistId,
  Severity,
} from '@aws-ownership/backstage-plugin-common';

const statusCodes: Record<CheckStatus, string> = {
  pass: 'p',
  fail: 'f',
  'not-applicable': 'n',
  exempt: 'e',
};
const severityCodes: Record<Severity, string> = {
  critical: 'c',
  high: 'h',
  medium: 'm',
  low: 'l',
};
const checklistCodes: Record<ChecklistId, string> = {
  naming: 'n',
  tagging: 't',
  responsibility: 'r',
};
const invert = <T extends string>(codes: Record<T, string>) =>
  Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k])) as Record<
    string,
    T
  >;
const statusByCode = invert(statusCodes);
const severityByCode = invert(severityCodes);
const checklistByCode = invert(checklistCodes);

/** The code of a status in `check_statuses`, as filters match it. */
export function checkStatusCode(status: CheckStatus): string {
  return statusCodes[status];
}

/**
 * A rating's results as the `check_statuses` column keeps them:
 * `,checkId=SVC,` per check, S the status, V the severity and C the checklist
 * (one letter each). Messages are not stored: the service rebuilds them.
 */
export function encodeCheckStatuses(
  results: ReadonlyArray<CheckResult>,
): string {
  let text = ',';
  for (const r of results) {
    text += `${r.checkId}=${statusCodes[r.status] ?? 'n'}${
      severityCodes[r.severity] ?? 'l'
    }${checklistCodes[r.checklist] ?? 't'},`;
  }
  return text;
}

/** The results `encodeCheckStatuses` kept, with empty messages. */
export function decodeCheckStatuses(text: string): CheckResult[] {
  const results: CheckResult[] = [];
  let start = 1;
  while (start < text.length) {
    const end = text.indexOf(',', start);
    if (end < 0) break;
    const eq = text.lastIndexOf('=', end);
    if (eq > start) {
      results.push({
        checkId: text.slice(start, eq),
        status: statusByCode[text[eq + 1]] ?? 'not-applicable',
        severity: severityByCode[text[eq + 2]] ?? 'low',
        checklist: checklistByCode[text[eq + 3]] ?? 'tagging',
        message: '',
      });
    }
    start = end + 1;
  }
  return results;
}
