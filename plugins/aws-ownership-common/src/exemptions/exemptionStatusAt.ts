import type { Exemption, ExemptionStatus } from './types';

/**
 * An exemption's status at `now`: a pending or active one whose `expiresAt`
 * has come (to the millisecond, the boundary included) is `expired`.
 *
 * @public
 */
export function exemptionStatusAt(
  exemption: Pick<Exemption, 'status' | 'expiresAt'>,
  now: Date,
): ExemptionStatus {
  const { status, expiresAt } = exemption;
  if (status !== 'pending' && status !== 'active') return status;
  return Date.parse(expiresAt) <= now.getTime() ? 'expired' : status;
}
