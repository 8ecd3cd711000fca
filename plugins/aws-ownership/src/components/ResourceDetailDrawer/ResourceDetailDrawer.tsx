import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Box, Drawer, IconButton, makeStyles } from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import { useResource } from '../../hooks/useResource';
import { useCheckCatalogue } from '../../hooks/useCheckCatalogue';
import { ResourceDetails } from './ResourceDetails';

const useStyles = makeStyles(theme => ({
  paper: {
    width: '100%',
    maxWidth: 720,
    padding: theme.spacing(3),
  },
}));

const Body = (props: { arn: string; onClose: () => void }) => {
  const { value, loading, error } = useResource(props.arn);
  const checks = useCheckCatalogue();
  const close = (
    <Box display="flex" justifyContent="flex-end">
      <IconButton aria-label="Close" onClick={props.onClose}>
        <CloseIcon />
      </IconButton>
    </Box>
  );
  if (loading) {
    return (
      <>
        {close}
        <Progress />
      </>
    );
  }
  if (error || !value) {
    return (
      <>
        {close}
        <ResponseErrorPanel
          error={error ?? new Error(`Resource ${props.arn} not found`)}
        />
      </>
    );
  }
  return (
    <ResourceDetails value={value} checks={checks} onClose={props.onClose} />
  );
};

/** The detail of one resource in a drawer, loaded by ARN; closed without one. */
export const ResourceDetailDrawer = (props: {
  arn?: string;
  onClose: () => void;
}) => {
  const classes = useStyles();
  return (
    <Drawer
      anchor="right"
      open={Boolean(props.arn)}
      onClose={props.onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{ role: 'dialog', 'aria-label': 'Resource detail' } as any}
    >
      {props.arn && <Body arn={props.arn} onClose={props.onClose} />}
    </Drawer>
  );
};
