import { Tooltip, Typography } from '@material-ui/core';

/** One line of text cut with an ellipsis, the whole of it in a tooltip. */
export const Ellipsis = (props: {
  text: string;
  full?: string;
  maxWidth?: number;
}) => (
  <Tooltip title={props.full ?? props.text}>
    <Typography
      variant="body2"
      component="span"
      style={{
        display: 'block',
        maxWidth: props.maxWidth ?? 420,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      }}
    >
      {props.text}
    </Typography>
  </Tooltip>
);
