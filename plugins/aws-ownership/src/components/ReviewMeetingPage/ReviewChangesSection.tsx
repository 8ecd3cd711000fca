import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Typography } from '@material-ui/core';
import type { ApiReviewChanges } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localChange, localDateTime, localNumber } from '../../utils/locale';
import { Ellipsis } from './Ellipsis';
import { ReviewExemptionChanges } from './ReviewExemptionChanges';
import { compactTableOptions } from './compactTableOptions';

type Change = ApiReviewChanges['items'][number];

const Owner = (props: { entityRef?: string; unowned: string }) =>
  props.entityRef ? (
    <EntityRefLink entityRef={props.entityRef} />
  ) : (
    <span>{props.unowned}</span>
  );

/**
 * What changed since the last review: fixed, regressed, new, gone, owner
 * changed (into or out of a team scope, said so), and the exemptions that
 * started, expired or were revoked. `scope` names the review's scope.
 */
export const ReviewChangesSection = (props: {
  changes: ApiReviewChanges;
  scope: string;
}) => {
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const { changes, scope } = props;
  const unowned = t('changes.unowned');
  if (!changes.sinceReviewId) {
    return (
      <InfoCard title={t('changes.title')}>
        <Typography>{t('changes.firstReview')}</Typography>
      </InfoCard>
    );
  }
  const groups: Array<{
    key: string;
    title: string;
    detailTitle: string;
    items: Change[];
    detail: (c: Change) => JSX.Element | string;
  }> = [
    {
      key: 'fixed',
      title: t('changes.fixed'),
      detailTitle: t('changes.checks'),
      items: changes.items.filter(i => i.fixed.length),
      detail: c => c.fixed.join(', '),
    },
    {
      key: 'regressed',
      title: t('changes.regressed'),
      detailTitle: t('changes.checks'),
      items: changes.items.filter(i => i.regressed.length),
      detail: c => c.regressed.join(', '),
    },
    {
      key: 'new',
      title: t('changes.new'),
      detailTitle: t('changes.type'),
      items: changes.items.filter(i => i.kind === 'new'),
      detail: c => c.resourceType,
    },
    {
      key: 'gone',
      title: t('changes.gone'),
      detailTitle: t('changes.type'),
      items: changes.items.filter(i => i.kind === 'gone'),
      detail: c => c.resourceType,
    },
    {
      key: 'owner',
      title: t('changes.ownerChanged'),
      detailTitle: t('changes.owner'),
      items: changes.items.filter(i => i.owner),
      detail: c => {
        if (c.move === 'in') {
          return (
            <span>
              {t('changes.movedIn', { scope })}{' '}
              <Owner entityRef={c.owner?.from} unowned={unowned} />
            </span>
          );
        }
        if (c.move === 'out') {
          return (
            <span>
              {t('changes.movedOut', { scope })}{' '}
              <Owner entityRef={c.owner?.to} unowned={unowned} />
            </span>
          );
        }
        return (
          <span>
            <Owner entityRef={c.owner?.from} unowned={unowned} />
            {' → '}
            <Owner entityRef={c.owner?.to} unowned={unowned} />
          </span>
        );
      },
    },
  ];
  const { before, after, change } = changes.total;
  return (
    <InfoCard title={t('changes.title')}>
      <div data-print="section">
        {before && after && (
          <Typography
            variant="subtitle1"
            data-testid="aws-ownership-review-trend"
          >
            {t('changes.since', {
              date: localDateTime(changes.sinceCreatedAt ?? ''),
              before: `${before.grade} ${localNumber(before.score)}`,
              after: `${after.grade} ${localNumber(after.score)}`,
              change: localChange(change ?? 0),
            })}
          </Typography>
        )}
      </div>
      {groups.map(group => {
        const columns: TableColumn<Change>[] = [
          {
            title: t('changes.resource'),
            render: c => <Ellipsis text={c.name} full={c.arn} />,
            width: '45%',
          },
          {
            title: group.detailTitle,
            render: c => group.detail(c),
            width: '55%',
          },
        ];
        return (
          <Box
            key={group.key}
            mt={2}
            data-print="section"
            data-testid={`aws-ownership-changes-${group.key}`}
          >
            <Typography variant="h6">
              {group.title} ({localNumber(group.items.length)})
            </Typography>
            {group.items.length > 0 && (
              <Table<Change>
                options={compactTableOptions}
                columns={columns}
                data={group.items}
              />
            )}
          </Box>
        );
      })}
      {changes.nextCursor && (
        <Typography variant="body2">{t('changes.more')}</Typography>
      )}
      <ReviewExemptionChanges items={changes.exemptions ?? []} />
    </InfoCard>
  );
};
