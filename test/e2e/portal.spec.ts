import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const shots = resolve(__dirname, '../../.artifacts/e2e/screenshots');
mkdirSync(shots, { recursive: true });

async function snap(page: Page, name: string) {
  await page.screenshot({
    path: resolve(shots, `${name}.png`),
    fullPage: true,
  });
}

async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('a guest signs in, browses a team and opens the AWS ownership review page', async ({
  page,
}) => {
  await signIn(page);

  // The catalog lists the example components once it has read examples/.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('link', { name: 'orders-api' })).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });
  await snap(page, '01-catalog');

  // A team's Group page, from the org plugin.
  await page.goto('/catalog/default/group/payments');
  await expect(
    page.getByRole('heading', { name: /Payments/ }).first(),
  ).toBeVisible();
  // the members card (an avatar's hidden <title> also names the user)
  await expect(
    page.getByText('paula.singh').filter({ visible: true }).first(),
  ).toBeVisible();
  await snap(page, '02-group-payments');

  // Our review page, from the sidebar.
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'AWS ownership' })
    .click();
  await expect(page).toHaveURL(/\/aws-ownership$/);
  await expect(
    page.getByRole('heading', { name: 'AWS ownership review' }),
  ).toBeVisible();
  await expect(page.getByTestId('aws-ownership-last-scan')).toBeVisible();
  await snap(page, '03-aws-ownership');
});
