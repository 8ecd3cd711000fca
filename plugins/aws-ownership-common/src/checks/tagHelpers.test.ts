import { isBlank } from './tagHelpers';

describe('isBlank', () => {
  it.each([undefined, '', ' ', '\t\n', '\u00a0', '\u3000 \ufeff'])(
    'is true for %j',
    value => expect(isBlank(value)).toBe(true),
  );
  it.each(['a', ' a', 'a ', '\u00e9', '\u00a0x', '-', '\u2028z'])(
    'is false for %j',
    value => expect(isBlank(value)).toBe(false),
  );
});
