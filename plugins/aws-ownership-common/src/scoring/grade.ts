/**
 * A letter grade.
 *
 * @public
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * The grade of a score: A at 90 and above, B 75, C 60, D 40, F below.
 *
 * @public
 */
export function gradeForScore(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}

/** Rounds a score to one decimal. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
