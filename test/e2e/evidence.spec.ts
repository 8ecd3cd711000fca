import { expect, test } from '@playwright/test';
import { captureAuthorization, signIn } from './support';

/*
 * Evidence from AWS Config in the portal (the demo app-config turns it on):
 * the review page shows coverage per account and region, and the drawer
 * shows a failure AWS Config verified, with the fact and its property.
 */

test('the review page shows evidence coverage and the drawer a verified failure', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const authorization = captureAuthorization(page);

  // once both accounts were scanned, coverage lists every region
  await expect(async () => {
    await page.goto('/aws-ownership');
    await expect(
      page.getByTestId('coverage-222233334444-eu-central-1'),
    ).toBeVisible({
      timeout: 5_000,
    });
    await expect(
      page.getByTestId('coverage-111122223333-us-east-1'),
    ).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
  const coverage = page.getByRole('table', { name: 'Evidence coverage' });
  await expect(
    coverage.getByTestId('coverage-222233334444-eu-central-1'),
  ).toContainText('unavailable: AWS Config is not recording in eu-central-1');
  await expect(
    coverage.getByTestId('coverage-111122223333-us-east-1'),
  ).toContainText('recording');

  // an unowned resource whose encryption AWS Config found off
  const found = await page.request
    .get(
      '/api/aws-ownership/resources?owner=unowned&checkId=responsibility.encryption-at-rest&status=fail&limit=1',
      { headers: { authorization: authorization()! } },
    )
    .then(r => {
      expect(r.ok()).toBe(true);
      return r.json();
    });
  const target = found.items[0];
  expect(target).toBeDefined();
  const name: string = target.resource.name;

  // find it in the unowned queue and open it
  await page.getByPlaceholder('ARN, name or tag').fill(target.resource.arn);
  const row = page.getByRole('button', { name, exact: true }).first();
  await expect(row).toBeVisible();
  await row.click();
  const drawer = page.getByRole('dialog', { name: 'Resource detail' });
  await expect(drawer).toBeVisible();
  const check = drawer.getByTestId('check-responsibility.encryption-at-rest');
  await expect(check).toContainText('Fails');
  await expect(check.getByTestId('check-basis')).toContainText(
    /Verified by AWS Config .*: \w+ = false/,
  );
});
