import { expect, test } from '@playwright/test';
import { signIn, snap } from './support';

test('a guest signs in, browses a team and opens the AWS ownership review page', async ({
  page,
}) => {
  await signIn(page);

  // The catalog lists the example components once it has read examples/:
  // every owner's, as the guest's own (platform's) come first.
  await expect(async () => {
    await page.reload();
    await page.getByTestId('user-picker-all').click({ timeout: 5_000 });
    await expect(page.getByRole('link', { name: 'orders-api' })).toBeVisible({
      timeout: 5_000,
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
