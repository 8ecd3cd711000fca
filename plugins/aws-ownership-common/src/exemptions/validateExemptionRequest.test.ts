import { validateExemptionRequest } from './validateExemptionRequest';

const now = new Date('2026-11-29T00:00:00.000Z');
const options = { now, maxDays: 90, checkIds: ['tagging.required'] };
const valid = {
  checkId: 'tagging.required',
  arns: ['arn:aws:s3:::website'],
  reason: 'Scratch bucket for a one-off migration',
  expiresAt: '2027-02-27T00:00:00.000Z',
};

describe('validateExemptionRequest', () => {
  it('accepts a reasoned request within the maximum, to the day', () => {
    expect(validateExemptionRequest(valid, options)).toEqual([]);
  });

  it('names every problem', () => {
    expect(
      validateExemptionRequest(
        {
          checkId: 'nope',
          arns: ['arn:aws:s3:::a'],
          selector: { region: 'us-east-1' },
          reason: 'because',
          expiresAt: '2027-02-27T00:00:00.001Z',
        },
        options,
      ),
    ).toEqual([
      'checkId: no check nope is in force',
      'give either arns or a selector with at least one field',
      'reason: at least 20 characters saying why the check is wrong for these resources',
      'expiresAt: at most 90 days from now (awsOwnership.exemptions.maxDays)',
    ]);
    expect(
      validateExemptionRequest(
        { ...valid, arns: [], expiresAt: now.toISOString() },
        options,
      ),
    ).toEqual([
      'give either arns or a selector with at least one field',
      'expiresAt: must be in the future',
    ]);
    expect(
      validateExemptionRequest({ ...valid, expiresAt: 'soon' }, options),
    ).toEqual(['expiresAt: not a date and time (ISO 8601)']);
  });
});
