import { TwoKeyMemo } from './memo';

describe('TwoKeyMemo', () => {
  it('remembers a value by both keys', () => {
    const memo = new TwoKeyMemo<string, string, number>();
    expect(memo.get('a', 'b')).toBeUndefined();
    expect(memo.set('a', 'b', 1)).toBe(1);
    expect(memo.set('a', 'c', 2)).toBe(2);
    expect(memo.get('a', 'b')).toBe(1);
    expect(memo.get('a', 'c')).toBe(2);
    expect(memo.get('b', 'a')).toBeUndefined();
  });

  it('starts afresh at its bound instead of growing', () => {
    const memo = new TwoKeyMemo<string, number, number>(3);
    for (let i = 0; i < 3; i++) memo.set('k', i, i);
    expect(memo.get('k', 2)).toBe(2);
    memo.set('k', 3, 3);
    expect(memo.get('k', 0)).toBeUndefined();
    expect(memo.get('k', 2)).toBeUndefined();
    expect(memo.get('k', 3)).toBe(3);
  });

  it('forgets everything on clear', () => {
    const memo = new TwoKeyMemo<object, string, string>();
    const key = {};
    memo.set(key, 'x', 'y');
    memo.clear();
    expect(memo.get(key, 'x')).toBeUndefined();
  });
});
