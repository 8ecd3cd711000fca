/**
 * How much a failing check matters.
 *
 * @public
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * The weight of each severity in a score.
 *
 * @public
 */
export const severityWeights: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
};

/**
 * Every severity, most severe first.
 *
 * @public
 */
export const severities: ReadonlyArray<Severity> = [
  'critical',
  'high',
  'medium',
  'low',
];
