import { makeStyles, Theme } from '@material-ui/core';
import type { BackstagePalette } from '@backstage/theme';
import type { ApiGrade } from '@aws-ownership/backstage-plugin-common';
import { gradeColor } from '../../utils';

const useStyles = makeStyles<Theme, { grade: ApiGrade }>(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: theme.spacing(3.5),
    height: theme.spacing(3.5),
    padding: theme.spacing(0, 0.75),
    borderRadius: theme.shape.borderRadius,
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.common.white,
    backgroundColor: ({ grade }) =>
      gradeColor(grade, theme.palette as BackstagePalette),
  },
  large: {
    minWidth: theme.spacing(6),
    height: theme.spacing(6),
    fontSize: theme.typography.h4.fontSize,
  },
}));

/** A grade letter on its colour. */
export const GradeChip = (props: {
  grade: ApiGrade;
  size?: 'small' | 'large';
}) => {
  const classes = useStyles({ grade: props.grade });
  return (
    <span
      className={`${classes.root} ${
        props.size === 'large' ? classes.large : ''
      }`}
      aria-label={`Grade ${props.grade}`}
      role="img"
    >
      {props.grade}
    </span>
  );
};
