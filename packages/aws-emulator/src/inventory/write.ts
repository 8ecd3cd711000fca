import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Inventory, InventoryResource } from './types';

/**
 * The inventory file layout: the header pretty-printed, then one resource a line, so that
 * diffs stay readable and very large files can be read line by line.
 */
export function* inventoryChunks(
  header: Omit<Inventory, 'resources'>,
  resources: Iterable<InventoryResource>,
): Generator<string> {
  const head = JSON.stringify(header, null, 2);
  yield `${head
    .slice(0, head.lastIndexOf('}'))
    .trimEnd()},\n  "resources": [\n`;
  let first = true;
  for (const resource of resources) {
    yield `${first ? '' : ',\n'}    ${JSON.stringify(resource)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}  ]\n}\n`;
}

/** An inventory as the text of its file. */
export function serializeInventory(inventory: Inventory): string {
  const { resources, ...header } = inventory;
  return [...inventoryChunks(header, resources)].join('');
}

/** Streams an inventory to a file (or to stdout for '-'), respecting back-pressure: memory stays flat at any size. */
export async function writeInventoryFile(
  path: string,
  header: Omit<Inventory, 'resources'>,
  resources: Iterable<InventoryResource>,
): Promise<void> {
  const out = path === '-' ? process.stdout : createWriteStream(path, 'utf8');
  let buffer = '';
  for (const chunk of inventoryChunks(header, resources)) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (path === '-') {
    out.write(buffer);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(buffer, () => resolve());
  });
}
