import { isSecretTag, looksLikeSecretValue, redacted } from './secrets';

const hasOwn = Object.prototype.hasOwnProperty;

function setOwn(record: Record<string, string>, key: string, value: string) {
  if (key === '__proto__') {
    // a plain assignment would set the prototype instead of the tag
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}

/**
 * A copy of `tags` safe to return from an API: every tag that
 * `tagging.no-secrets` flags (a key named like a secret such as `db-password`,
 * or a value that looks like a credential) has its value replaced by
 * `'[redacted]'`. A key that is itself a credential (an access key id used as
 * a key) is replaced too, by `'[redacted key]'` (`'[redacted key 2]'`, … when
 * there are several), so it cannot leak either. Order is kept; the input is
 * not modified.
 *
 * @public
 */
export function maskSecretTags(
  tags: Readonly<Record<string, string>>,
): Record<string, string> {
  const masked: Record<string, string> = {};
  let hiddenKeys = 0;
  for (const key in tags) {
    if (!hasOwn.call(tags, key)) continue;
    const raw = tags[key];
    const value = typeof raw === 'string' ? raw : String(raw ?? '');
    if (!isSecretTag(key, value)) {
      setOwn(masked, key, value);
    } else if (looksLikeSecretValue(key)) {
      hiddenKeys++;
      let shown =
        hiddenKeys === 1 ? '[redacted key]' : `[redacted key ${hiddenKeys}]`;
      while (hasOwn.call(tags, shown) || hasOwn.call(masked, shown)) {
        hiddenKeys++;
        shown = `[redacted key ${hiddenKeys}]`;
      }
      setOwn(masked, shown, redacted);
    } else {
      setOwn(masked, key, redacted);
    }
  }
  return masked;
}
