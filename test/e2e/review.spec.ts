import { expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifacts, captureAuthorization, shots, signIn } from './support';

/*
 * Issue 17's walk: start a review for Payments, add an action item, change
 * the emulator's estate, scan, start the next review, see the changes,
 * download the Markdown pack, and keep the print view (A4) under .artifacts/.
 */
const emulator = 'http://localhost:4566/_emulator';
const inventoryPath = resolve(__dirname, '../../examples/aws-inventory.json');

type Resource = { arn: string; tags: Record<string, string> };
type Inventory = { resources: Resource[] } & Record<string, unknown>;

async function openTeamTab(page: Page) {
  await expect(async () => {
    await page.goto('/catalog/default/group/payments/aws-ownership');
    await expect(page.getByTestId('aws-ownership-score')).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
}

/** Scans every account through the API and waits for the scans to finish. */
async function scanNow(page: Page, authorization: string) {
  const headers = { authorization };
  await expect(async () => {
    const res = await page.request.post('/api/aws-ownership/scans', {
      headers,
      data: {},
    });
    expect(res.status()).toBe(202);
    const { items } = await res.json();
    for (const scan of items as Array<{ id: string }>) {
      await expect(async () => {
        const s = await page.request.get(
          `/api/aws-ownership/scans/${scan.id}`,
          {
            headers,
          },
        );
        const body = await s.json();
        // a request served by another run is cancelled; its run finishes
        expect(['succeeded', 'partial', 'cancelled']).toContain(body.status);
      }).toPass({ timeout: 60_000 });
    }
  }).toPass({ timeout: 120_000 });
}

async function loadInventory(page: Page, inventory: Inventory) {
  const res = await page.request.post(`${emulator}/inventory`, {
    data: inventory,
  });
  expect(res.status()).toBe(200);
}

test('a review meeting for Payments: changes, an action item, the pack and the print view', async ({
  page,
}) => {
  const original: Inventory = JSON.parse(readFileSync(inventoryPath, 'utf8'));
  const authorization = captureAuthorization(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  await openTeamTab(page);

  // the first review of the scope
  await page.getByTestId('aws-ownership-start-review').click();
  await expect(page).toHaveURL(/\/aws-ownership-reviews\/[0-9a-f-]+$/);
  await expect(
    page.getByRole('heading', { name: 'Ownership review: Payments' }),
  ).toBeVisible();
  await expect(page.getByText(/first review of this scope/)).toBeVisible();

  await page
    .getByLabel('What will be done')
    .fill('Tag the payments stack with its cost centre');
  await page
    .getByLabel('Assignee (user or group)')
    .fill('group:default/payments');
  await page.getByRole('button', { name: 'Add' }).click();
  const actions = page.getByTestId('aws-ownership-actions');
  await expect(
    actions.getByText('Tag the payments stack with its cost centre'),
  ).toBeVisible();

  // the estate changes: one payments resource goes, one comes, one loses a required tag
  const payments = original.resources.filter(
    r =>
      r.tags.owner === 'payments' &&
      r.arn.includes(':111122223333:') &&
      r.arn.includes(':us-east-1:'),
  );
  // resources carrying every required tag, so dropping one fails tagging.required
  const [gone, broken] = payments.filter(r =>
    ['environment', 'cost-center', 'application'].every(k => r.tags[k]),
  );
  expect(gone && broken).toBeTruthy();
  const added =
    'arn:aws:sqs:us-east-1:111122223333:payments-review-added-queue';
  const { 'cost-center': _cc, ...brokenTags } = broken.tags;
  try {
    await loadInventory(page, {
      ...original,
      resources: [
        ...original.resources
          .filter(r => r.arn !== gone.arn)
          .map(r => (r.arn === broken.arn ? { ...r, tags: brokenTags } : r)),
        { arn: added, tags: { owner: 'payments', environment: 'prod' } },
      ],
    });
    expect(authorization()).toBeTruthy();
    await scanNow(page, authorization()!);

    // the next review shows what changed
    await openTeamTab(page);
    await page.getByTestId('aws-ownership-start-review').click();
    await expect(page.getByTestId('aws-ownership-review-trend')).toBeVisible();
    await expect(
      page
        .getByTestId('aws-ownership-changes-new')
        .getByText('payments-review-added-queue'),
    ).toBeVisible();
    await expect(page.getByTestId('aws-ownership-changes-gone')).toContainText(
      'Gone (1)',
    );
    await expect(
      page.getByTestId('aws-ownership-changes-regressed'),
    ).toContainText('tagging.required');
    // the open action item carried over
    await expect(
      page
        .getByTestId('aws-ownership-actions')
        .getByText('Tag the payments stack with its cost centre'),
    ).toBeVisible();
    await expect(page.getByTestId('aws-ownership-past-reviews')).toBeVisible();
    await page.screenshot({
      path: resolve(shots, 'review-meeting.png'),
      fullPage: true,
    });

    // the Markdown pack
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download pack (Markdown)' }).click(),
    ]);
    const packPath = resolve(artifacts, 'review-pack.md');
    await download.saveAs(packPath);
    const pack = readFileSync(packPath, 'utf8');
    expect(pack).toContain('# Ownership review: Payments');
    expect(pack).toContain('### Gone (1)');
    expect(pack).toContain('payments-review-added-queue');
    expect(pack).toContain('## What to fix first');
    expect(pack).toContain('Tag the payments stack with its cost centre');

    // the print view: what the browser's print to PDF gives
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await page.screenshot({
      path: resolve(shots, 'review-print.png'),
      fullPage: true,
    });
    await page.pdf({
      path: resolve(artifacts, 'review-print.pdf'),
      format: 'A4',
    });
  } finally {
    await loadInventory(page, original);
    if (authorization()) await scanNow(page, authorization()!);
  }
});
