import { APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifacts, captureAuthorization, signIn, snap } from './support';

/*
 * Breaks Payments' resources in the emulator, scans, and finds the grade drop
 * in the notifications. Named to run after the other specs, which expect the
 * demo estate as it is.
 */
const root = resolve(__dirname, '../..');
const emulator = 'http://localhost:4566/_emulator';
const demoInventory = resolve(root, 'examples/aws-inventory.json');

/** Waits until no scan is pending or running. */
async function scansIdle(request: APIRequestContext, authorization: string) {
  await expect(async () => {
    const res = await request.get('/api/aws-ownership/scans?limit=20', {
      headers: { authorization },
    });
    expect(res.ok()).toBeTruthy();
    const { items } = await res.json();
    expect(
      items.filter((s: { status: string }) =>
        ['pending', 'running'].includes(s.status),
      ),
    ).toEqual([]);
  }).toPass({ timeout: 120_000 });
}

/** Serves the demo inventory with a password in the tags of every resource Payments owns. */
function breakPayments(): string {
  const inventory = JSON.parse(readFileSync(demoInventory, 'utf8'));
  for (const resource of inventory.resources) {
    if (resource.tags?.owner === 'payments') {
      resource.tags['db-password'] = 'hunter22';
    }
  }
  const path = resolve(artifacts, 'inventory-payments-broken.json');
  writeFileSync(path, JSON.stringify(inventory));
  return path;
}

test.afterAll(async ({ request }) => {
  await request.post(`${emulator}/inventory`, {
    data: { path: demoInventory },
  });
});

test('Payments hears in the bell that its grade dropped, with a link to its tab', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const authorization = captureAuthorization(page);
  await signIn(page);

  // the first scan of the demo estate (the baseline) has committed: Payments is graded A
  const grade = page.getByTestId('aws-ownership-score');
  await expect(async () => {
    await page.goto('/catalog/default/group/payments/aws-ownership');
    await expect(grade).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByLabel('Grade A').first()).toBeVisible();
  await scansIdle(request, authorization()!);

  const served = await request.post(`${emulator}/inventory`, {
    data: { path: breakPayments() },
  });
  expect(served.ok()).toBeTruthy();

  // scan every account now, as "Scan now" does
  const scan = await request.post('/api/aws-ownership/scans', {
    headers: { authorization: authorization()! },
    data: {},
  });
  expect(scan.status()).toBe(202);

  // the bell's page lists the drop once the scans have committed
  const drop = page.getByText(/Payments dropped from A to [BCDF]/).first();
  await expect(async () => {
    await page.goto('/notifications');
    await expect(drop).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await snap(page, '30-notifications');

  const link = page
    .getByRole('link', { name: /Payments dropped from A to/ })
    .first();
  await expect(link).toHaveAttribute(
    'href',
    /\/catalog\/default\/group\/payments\/aws-ownership$/,
  );
  await link.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/group\/payments\/aws-ownership$/,
  );
  await expect(page.getByTestId('aws-ownership-score')).toBeVisible();
  await snap(page, '31-notification-link');
});
