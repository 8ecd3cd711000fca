import { describeError } from './describeError';

describe('describeError', () => {
  it('names the error and keeps its message', () => {
    const error = new Error('Rate exceeded');
    error.name = 'ThrottledException';
    expect(describeError(error)).toBe('ThrottledException: Rate exceeded');
  });

  it('masks access key ids and secret-looking values', () => {
    const text = describeError(
      new Error(
        'key AKIAABCDEFGHIJKLMNOP rejected, token=abc123 secret: s3cr3t',
      ),
    );
    expect(text).not.toContain('ABCDEFGHIJKLMNOP');
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('AKIA****');
  });

  it('bounds the length and copes with non-errors', () => {
    expect(describeError(new Error('x'.repeat(2000))).length).toBeLessThan(520);
    expect(describeError(undefined)).toBe('Error: unknown error');
    expect(describeError('plain')).toBe('Error: plain');
  });
});
