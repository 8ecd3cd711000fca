import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

describe('generated OpenAPI files', () => {
  it('are up to date with openapi.yaml', async () => {
    const root = resolve(__dirname, '../../../..');
    // exits 1 and names the stale file when the YAML changed without a regeneration
    await expect(
      promisify(execFile)(
        process.execPath,
        [resolve(root, 'scripts/generate-openapi.mjs'), '--check'],
        { cwd: root },
      ),
    ).resolves.toBeDefined();
  }, 60_000);
});
