import fc from 'fast-check';
import { arns, resultOf } from '../__testUtils__/rate';
import { maskSecretTags } from './maskSecretTags';

describe('maskSecretTags', () => {
  it('redacts values under secret-named keys and credential-looking values', () => {
    expect(
      maskSecretTags({
        owner: 'payments',
        'db-password': 'hunter2',
        GithubToken: 'abc',
        note: 'password=hunter2',
        key: 'AKIAABCDEFGHIJKLMNOP',
        environment: 'prod',
      }),
    ).toEqual({
      owner: 'payments',
      'db-password': '[redacted]',
      GithubToken: '[redacted]',
      note: '[redacted]',
      key: '[redacted]',
      environment: 'prod',
    });
  });

  it('keeps order, does not modify its input and leaves clean tags alone', () => {
    const tags = { b: '1', a: '2', api_key: 'x' };
    const masked = maskSecretTags(tags);
    expect(Object.keys(masked)).toEqual(['b', 'a', 'api_key']);
    expect(tags.api_key).toBe('x');
    expect(
      maskSecretTags({ owner: 'x', 'aws:cloudformation:stack-name': 's' }),
    ).toEqual({
      owner: 'x',
      'aws:cloudformation:stack-name': 's',
    });
  });

  it('hides keys that are themselves credentials', () => {
    const masked = maskSecretTags({
      AKIAABCDEFGHIJKLMNOP: 'x',
      ASIAABCDEFGHIJKLMNOP: 'y',
      owner: 'p',
    });
    expect(masked).toEqual({
      '[redacted key]': '[redacted]',
      '[redacted key 2]': '[redacted]',
      owner: 'p',
    });
    expect(JSON.stringify(masked)).not.toMatch(/AKIA|ASIA/);
  });

  it('treats __proto__ as a tag like any other', () => {
    const tags: Record<string, string> = {};
    Object.defineProperty(tags, '__proto__', {
      value: 'token=abc',
      enumerable: true,
    });
    const masked = maskSecretTags(tags);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toBe(
      '[redacted]',
    );
  });

  it('redacts exactly the tags tagging.no-secrets flags', () => {
    const key = fc.constantFrom(
      'owner',
      'db-password',
      'secretKey',
      'api_key',
      'note',
      'AKIAABCDEFGHIJKLMNOP',
      'aws:token',
      'tokenizer',
    );
    const value = fc.constantFrom(
      'prod',
      'password=hunter2',
      `ghp_${'a'.repeat(36)}`,
      'AKIAABCDEFGHIJKLMNOP',
      '-----BEGIN RSA PRIVATE KEY-----',
      'a:b',
      '',
    );
    fc.assert(
      fc.property(key, value, (k, v) => {
        const flagged =
          resultOf('tagging.no-secrets', arns.bucket, { [k]: v }).status ===
          'fail';
        const masked = maskSecretTags({ [k]: v });
        expect(Object.values(masked)[0] === '[redacted]').toBe(flagged);
        expect(flagged && v !== '' && JSON.stringify(masked).includes(v)).toBe(
          false,
        );
      }),
    );
  });
});
