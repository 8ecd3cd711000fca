import type { ReactNode } from 'react';
import {
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
} from '@material-ui/core';
import type { ApiExemption } from '@aws-ownership/backstage-plugin-common';
import { formatDay } from './ExemptionNote';

/** Exemptions, one line each: check, resources, reason, who asked and until when. */
export const ExemptionList = (props: {
  items: ApiExemption[];
  label: string;
  action?: (exemption: ApiExemption) => ReactNode;
}) => (
  <List dense aria-label={props.label}>
    {props.items.map(e => (
      <ListItem key={e.id} divider>
        <ListItemText
          primary={`${e.checkId} · ${e.arns.length} resource${
            e.arns.length === 1 ? '' : 's'
          } · ${e.status} until ${formatDay(e.expiresAt)}`}
          secondary={`${e.reason} (requested by ${e.requestedBy}${
            e.teamRef ? ` for ${e.teamRef}` : ''
          }, ${e.severity})`}
        />
        {props.action && (
          <ListItemSecondaryAction>{props.action(e)}</ListItemSecondaryAction>
        )}
      </ListItem>
    ))}
  </List>
);
