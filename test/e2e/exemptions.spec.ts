import { expect, test } from '@playwright/test';
import { captureAuthorization, signIn } from './support';

/*
 * Issue 14 in the browser: request an exemption for a failing check from the
 * resource drawer, approve it on the review page as an approver (the e2e
 * guest signs in as pat.lee, a member of the platform Group), then see the
 * team's score rise and the check shown exempt. Revokes it afterwards: the
 * specs that follow grade Payments on the demo estate as it is.
 */
const team = 'group:default/payments';
const api = '/api/aws-ownership';
const reason = 'A demo resource that is torn down with the demo estate';

interface Result {
  checkId: string;
  status: string;
  severity: string;
}
interface Rated {
  resource: { arn: string; name: string; resourceId: string };
  rating: { score: number; results: Result[] };
}
interface Exemption {
  id: string;
  status: string;
  reason: string;
}

/** The guest's Authorization header, once the test has seen it. */
let authorization: () => string | undefined = () => undefined;

test.afterAll(async ({ request }) => {
  const header = authorization();
  if (!header) return;
  const headers = { authorization: header };
  const res = await request.get(
    `${api}/exemptions?entityRef=${encodeURIComponent(team)}`,
    { headers },
  );
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: Exemption[] };
  for (const e of items) {
    if (e.reason !== reason || !['pending', 'active'].includes(e.status)) {
      continue;
    }
    const revoked = await request.post(`${api}/exemptions/${e.id}/revoke`, {
      headers,
    });
    expect(revoked.ok()).toBe(true);
  }
  const scorecard = await request.get(
    `${api}/scorecards/${encodeURIComponent(team)}`,
    { headers },
  );
  expect((await scorecard.json()).exemptResultCount).toBe(0);
});

test('an exemption requested in the drawer and approved raises the team score', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  authorization = captureAuthorization(page);
  const tabPath = '/catalog/default/group/payments/aws-ownership';
  await expect(async () => {
    await page.goto(tabPath);
    await expect(page.getByTestId('aws-ownership-score')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  const headers = { authorization: authorization()! };
  const get = async (path: string) => {
    const res = await page.request.get(`${api}${path}`, { headers });
    expect(res.ok()).toBe(true);
    return res.json();
  };
  const before = await get(`/scorecards/${encodeURIComponent(team)}`);

  // a resource failing exactly one check, not a critical one: exempting it raises its score
  const { items } = (await get(
    `/resources?owner=${encodeURIComponent(team)}&limit=500`,
  )) as { items: Rated[] };
  const target = items.find(r => {
    const failing = r.rating.results.filter(x => x.status === 'fail');
    return failing.length === 1 && failing[0].severity !== 'critical';
  });
  expect(target).toBeDefined();
  const check = target!.rating.results.find(x => x.status === 'fail')!;

  // the drawer: find the resource, request the exemption
  const name = target!.resource.name || target!.resource.resourceId;
  const row = page.locator('table').last().locator('tbody tr');
  await page.getByPlaceholder('ARN, name or tag').fill(target!.resource.arn);
  await expect(row.first()).toContainText(name);
  await row.first().getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: 'Resource detail' });
  const item = drawer.getByTestId(`check-${check.checkId}`);
  await expect(item).toContainText('Fails');
  await item.getByRole('button', { name: 'Request exemption' }).click();
  const form = page.getByRole('dialog', { name: /Request an exemption/ });
  await form.getByLabel(/Why this check is wrong/).fill(reason);
  await form.getByRole('button', { name: 'Request' }).click();
  await expect(
    item.getByText('Exemption requested: waiting for approval'),
  ).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).first().click();

  // the approver approves it on the review page
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AWS ownership' })
    .click();
  const approvals = page.getByRole('list', { name: 'Exemptions to approve' });
  await expect(approvals).toContainText(check.checkId);
  await approvals
    .getByRole('listitem')
    .filter({ hasText: check.checkId })
    .getByRole('button', { name: 'Approve' })
    .click();
  await expect(approvals).toBeHidden();

  // the team's score rose, and the check shows exempt
  const after = await get(`/scorecards/${encodeURIComponent(team)}`);
  expect(after.exemptResultCount).toBe(1);
  expect(after.score).toBeGreaterThan(before.score);
  await page.goto(tabPath);
  const score = page.getByTestId('aws-ownership-score');
  await expect(score).toBeVisible();
  expect(Number((await score.textContent())?.trim())).toBeCloseTo(
    after.score,
    1,
  );
  await page.getByPlaceholder('ARN, name or tag').fill(target!.resource.arn);
  await expect(row.first()).toContainText(name);
  await row.first().getByRole('button').first().click();
  const exempt = page
    .getByRole('dialog', { name: 'Resource detail' })
    .getByTestId(`check-${check.checkId}`);
  await expect(exempt).toContainText('Exempt until');
  await expect(exempt).toContainText(reason);
});
