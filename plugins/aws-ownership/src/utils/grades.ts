import type { BackstagePalette } from '@backstage/theme';
import type { ApiGrade } from '@aws-ownership/backstage-plugin-common';

/** The colour of a grade on the theme's status palette. */
export function gradeColor(grade: ApiGrade, palette: BackstagePalette): string {
  switch (grade) {
    case 'A':
      return palette.status.ok;
    case 'B':
      return palette.status.ok;
    case 'C':
      return palette.status.warning;
    case 'D':
      return palette.status.warning;
    default:
      return palette.status.error;
  }
}

/** A score as shown everywhere: one decimal at most, as stored. */
export function formatScore(score: number): string {
  return (Math.round(score * 10) / 10).toString();
}

/** A score change with its sign, e.g. `+2.5`, `-1`, `±0`. */
export function formatChange(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
}
