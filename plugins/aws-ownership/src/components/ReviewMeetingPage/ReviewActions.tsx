import { useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@material-ui/core';
import type {
  ApiActionItem,
  ApiReview,
  ApiReviewFixes,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipReviewsApiRef } from '../../api';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localDate } from '../../utils/locale';
import { Ellipsis } from './Ellipsis';

/** The review's action items, carried-over ones included; add, assign, close inline. */
export const ReviewActions = (props: {
  review: ApiReview;
  fixes: ApiReviewFixes;
  onChange: () => void;
}) => {
  const { review, fixes, onChange } = props;
  const api = useApi(awsOwnershipReviewsApiRef);
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [checkId, setCheckId] = useState('');
  const [error, setError] = useState<Error>();

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onChange();
    } catch (e) {
      setError(e as Error);
    }
  };
  const add = () =>
    run(async () => {
      await api.addAction(review.id, {
        title,
        assignee,
        ...(due ? { due } : {}),
        ...(checkId ? { checkId } : {}),
      });
      setTitle('');
      setAssignee('');
      setDue('');
      setCheckId('');
    });
  const setStatus = (action: ApiActionItem, status: ApiActionItem['status']) =>
    run(() => api.updateAction(action.id, { status, note: action.note }));

  return (
    <InfoCard title={t('actions.title')}>
      {error && <ResponseErrorPanel error={error} />}
      {review.actions.length ? (
        <Table size="small" data-testid="aws-ownership-actions">
          <TableHead>
            <TableRow>
              <TableCell>{t('actions.action')}</TableCell>
              <TableCell>{t('actions.assignee')}</TableCell>
              <TableCell>{t('actions.due')}</TableCell>
              <TableCell>{t('actions.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {review.actions.map(action => (
              <TableRow key={action.id}>
                <TableCell>
                  <Ellipsis text={action.title} maxWidth={380} />
                  {action.reviewId !== review.id && (
                    <Typography variant="caption">
                      {t('actions.carried')}
                    </Typography>
                  )}
                  {action.note && (
                    <Typography variant="caption" display="block">
                      {action.note}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <EntityRefLink entityRef={action.assignee} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {action.due ? localDate(action.due) : ''}
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    value={action.status}
                    inputProps={{ 'aria-label': t('actions.status') }}
                    onChange={e =>
                      setStatus(
                        action,
                        e.target.value as ApiActionItem['status'],
                      )
                    }
                  >
                    <MenuItem value="open">{t('actions.statusOpen')}</MenuItem>
                    <MenuItem value="done">{t('actions.statusDone')}</MenuItem>
                    <MenuItem value="dropped">
                      {t('actions.statusDropped')}
                    </MenuItem>
                  </TextField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography>{t('actions.none')}</Typography>
      )}
      <Box
        mt={2}
        display="flex"
        flexWrap="wrap"
        style={{ gap: 8 }}
        data-print="hide"
      >
        <TextField
          size="small"
          variant="outlined"
          id="aws-ownership-action-title"
          label={t('actions.newTitle')}
          value={title}
          onChange={e => setTitle(e.target.value)}
          style={{ minWidth: 280 }}
        />
        <TextField
          size="small"
          variant="outlined"
          id="aws-ownership-action-assignee"
          label={t('actions.newAssignee')}
          value={assignee}
          onChange={e => setAssignee(e.target.value)}
          style={{ minWidth: 220 }}
        />
        <TextField
          size="small"
          variant="outlined"
          type="date"
          id="aws-ownership-action-due"
          label={t('actions.due')}
          InputLabelProps={{ shrink: true }}
          value={due}
          onChange={e => setDue(e.target.value)}
        />
        <TextField
          select
          size="small"
          variant="outlined"
          id="aws-ownership-action-check"
          label={t('actions.check')}
          value={checkId}
          onChange={e => setCheckId(e.target.value)}
          style={{ minWidth: 220 }}
        >
          <MenuItem value="">{t('actions.noCheck')}</MenuItem>
          {fixes.items.map(f => (
            <MenuItem key={f.checkId} value={f.checkId}>
              {f.title}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          color="primary"
          onClick={add}
          disabled={!title.trim() || !assignee.trim()}
        >
          {t('actions.add')}
        </Button>
      </Box>
    </InfoCard>
  );
};
