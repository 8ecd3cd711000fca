import { Gauge } from '@backstage/core-components';
import { Grid, Typography } from '@material-ui/core';
import type { BackstagePalette } from '@backstage/theme';
import type { ApiEntityScorecard } from '@aws-ownership/backstage-plugin-common';
import { checklistIds } from '@aws-ownership/backstage-plugin-common';
import { formatScore, gradeColor } from '../../utils';
import { GradeChip } from '../GradeChip';

/** The display name of each checklist. */
export const checklistLabels: Record<string, string> = {
  naming: 'Naming',
  tagging: 'Tagging',
  responsibility: 'Responsibility',
};

/** The score and grade of each checklist: naming, tagging, responsibility. */
export const ChecklistScores = (props: {
  checklists: ApiEntityScorecard['checklists'];
}) => (
  <Grid container spacing={2}>
    {checklistIds.map(id => {
      const { score, grade } = props.checklists[id];
      return (
        <Grid
          item
          xs={4}
          key={id}
          data-testid={`checklist-${id}`}
          aria-label={`${checklistLabels[id]}: ${formatScore(
            score,
          )}, grade ${grade}`}
        >
          <Typography variant="subtitle2" align="center" gutterBottom>
            {checklistLabels[id]}
          </Typography>
          <Gauge
            value={score}
            fractional={false}
            max={100}
            unit=""
            size="small"
            getColor={({ palette }) =>
              gradeColor(grade, palette as BackstagePalette)
            }
          />
          <Typography align="center" component="div">
            <GradeChip grade={grade} />
          </Typography>
        </Grid>
      );
    })}
  </Grid>
);
