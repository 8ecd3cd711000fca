/**
 * Thrown by `parseResourceArn` for any input that is not an AWS ARN.
 *
 * @public
 */
export class InvalidArnError extends Error {
  /** The rejected input, truncated to 200 characters. */
  readonly input: string;

  constructor(input: unknown, reason: string) {
    const shown =
      typeof input === 'string'
        ? JSON.stringify(input.length > 200 ? `${input.slice(0, 200)}…` : input)
        : `a value of type ${input === null ? 'null' : typeof input}`;
    super(`Invalid ARN ${shown}: ${reason}`);
    this.name = 'InvalidArnError';
    this.input = typeof input === 'string' ? input.slice(0, 200) : '';
    Object.setPrototypeOf(this, InvalidArnError.prototype);
  }
}
