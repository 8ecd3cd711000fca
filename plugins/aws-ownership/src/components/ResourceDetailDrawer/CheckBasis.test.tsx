import { render, screen } from '@testing-library/react';
import { CheckBasis } from './CheckBasis';

const base = {
  checkId: 'responsibility.encryption-at-rest',
  checklist: 'responsibility' as const,
  severity: 'high' as const,
  message: 'Not encrypted at rest',
};

describe('CheckBasis', () => {
  it('names the source, the time and the property of a verified result', () => {
    const capturedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    render(
      <CheckBasis
        result={{
          ...base,
          status: 'fail',
          basis: 'verified',
          evidence: {
            fact: 'encryptedAtRest',
            value: false,
            property: 'configuration.storageEncrypted',
            capturedAt,
            source: 'AWS Config',
          },
        }}
      />,
    );
    expect(screen.getByTestId('check-basis')).toHaveTextContent(
      'Verified by AWS Config 2 hours ago: StorageEncrypted = false',
    );
  });

  it('says a tag declared it, and shows nothing without a basis', () => {
    const { rerender } = render(
      <CheckBasis result={{ ...base, status: 'pass', basis: 'declared' }} />,
    );
    expect(screen.getByTestId('check-basis')).toHaveTextContent(
      'Declared by tag',
    );
    rerender(<CheckBasis result={{ ...base, status: 'not-applicable' }} />);
    expect(screen.queryByTestId('check-basis')).not.toBeInTheDocument();
  });
});
