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

/** Whom the guest signs in as (test/e2e/app-config.e2e.yaml). */
export const guestUserRef = 'user:default/pat.lee';
/** The guest's team, whose members approve exemptions under the demo policy. */
export const guestGroupRef = 'group:default/platform';

/**
 * Signs in as the guest, once the guest's identity has its team, and waits
 * for the sidebar.
 */
export async function signIn(page: Page) {
  // Until the catalog has read examples/org.yaml the guest provider signs the
  // guest in without the User entity, so without its team; each refresh
  // resolves the identity anew.
  await expect(async () => {
    const res = await page.request.get('/api/auth/guest/refresh');
    expect(res.ok()).toBe(true);
    const { identity } = (await res.json()).backstageIdentity;
    expect(identity.userEntityRef).toBe(guestUserRef);
    expect(identity.ownershipEntityRefs).toContain(guestGroupRef);
  }).toPass({ timeout: 120_000 });
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
