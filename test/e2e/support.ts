import { expect, Page, Request } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the e2e run leaves what a person would look at (git-ignored). */
export const artifacts = resolve(__dirname, '../../.artifacts/e2e');
/** Screenshots, under `artifacts`. */
export const shots = resolve(artifacts, 'screenshots');
mkdirSync(shots, { recursive: true });

/** Saves a full-page screenshot under `shots`. */
export async function snap(page: Page, name: string) {
  await page.screenshot({
    path: resolve(shots, `${name}.png`),
    fullPage: true,
  });
}

/** Signs in as the guest and waits for the sidebar. */
export async function signIn(page: Page) {
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

/** The Authorization header the portal sends to the plugin's API, once it has sent one. */
export function captureAuthorization(page: Page): () => string | undefined {
  let authorization: string | undefined;
  page.on('request', (request: Request) => {
    if (request.url().includes('/api/aws-ownership/')) {
      authorization ??= request.headers().authorization;
    }
  });
  return () => authorization;
}
