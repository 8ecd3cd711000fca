import { isBlank, tagLookup } from './tags';

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

describe('tagLookup', () => {
  it('matches keys case-insensitively, an exact lowercase key first', () => {
    const tags = tagLookup({ Owner: 'a', owner: 'b', 'aws:x': 'y', Env: 'p' });
    expect(tags.get('OWNER')).toBe('b');
    expect(tags.keyOf('env')).toBe('Env');
    expect(tags.get('missing')).toBeUndefined();
    expect(tags.userTagCount).toBe(3);
    expect(tags.entries.map(([k]) => k)).toEqual([
      'Owner',
      'owner',
      'aws:x',
      'Env',
    ]);
  });
});
