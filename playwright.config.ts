import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/*
 * The portal in a real browser: Debian's Chromium (never a downloaded one)
 * against the production build of packages/app, served by the demo backend on
 * :7007 with the AWS emulator on :4566. `npm run test:e2e` builds the app first.
 */
const root = __dirname;
const config = (name: string) => resolve(root, name);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  retries: 0,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '.artifacts/e2e/results',
  webServer: [
    {
      command: 'npm run start -w @aws-ownership/aws-emulator',
      port: 4566,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: [
        'npx backstage-cli package start',
        `--config ${config('app-config.yaml')}`,
        `--config ${config('test/e2e/app-config.e2e.yaml')}`,
      ].join(' '),
      cwd: resolve(root, 'packages/backend'),
      // integration-aws-node's STS client (AssumeRole) reaches the emulator too
      env: { AWS_ENDPOINT_URL_STS: 'http://localhost:4566' },
      url: 'http://localhost:7007/api/aws-ownership/health',
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:7007',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
