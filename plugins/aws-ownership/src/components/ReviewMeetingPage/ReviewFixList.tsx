import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Typography } from '@material-ui/core';
import type { ApiReviewFixes } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localChange, localNumber } from '../../utils/locale';
import { GradeChip } from '../GradeChip';
import { Ellipsis } from './Ellipsis';
import { compactTableOptions } from './compactTableOptions';

type Fix = ApiReviewFixes['items'][number];

/** The fixes ranked by score gained per resource touched. */
export const ReviewFixList = (props: { fixes: ApiReviewFixes }) => {
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const columns: TableColumn<Fix>[] = [
    {
      title: t('fixes.fix'),
      render: f => (
        <Ellipsis
          text={f.title}
          full={`${f.title} (${f.checkId})`}
          maxWidth={360}
        />
      ),
      width: '50%',
    },
    {
      title: t('fixes.resources'),
      render: f => localNumber(f.arns.length),
      width: '15%',
    },
    { title: t('fixes.gain'), render: f => localChange(f.gain), width: '15%' },
    {
      title: t('fixes.grade'),
      render: f => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <GradeChip grade={f.before.grade} /> →{' '}
          <GradeChip grade={f.after.grade} />
        </span>
      ),
      width: '20%',
    },
  ];
  return (
    <InfoCard title={t('fixes.title')}>
      <div data-print="section" data-testid="aws-ownership-fix-list">
        {props.fixes.items.length ? (
          <Table<Fix>
            options={compactTableOptions}
            columns={columns}
            data={props.fixes.items.slice(0, 10)}
          />
        ) : (
          <Typography>{t('fixes.none')}</Typography>
        )}
      </div>
    </InfoCard>
  );
};
