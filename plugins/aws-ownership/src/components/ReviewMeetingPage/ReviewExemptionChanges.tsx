import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Typography } from '@material-ui/core';
import type { ApiReviewChanges } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localDateTime, localNumber } from '../../utils/locale';
import { Ellipsis } from './Ellipsis';
import { compactTableOptions } from './compactTableOptions';

type ExemptionChange = NonNullable<ApiReviewChanges['exemptions']>[number];

/** The exemptions of the scope that started, expired or were revoked since the last review. */
export const ReviewExemptionChanges = (props: { items: ExemptionChange[] }) => {
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const { items } = props;
  const label: Record<ExemptionChange['change'], string> = {
    started: t('exemptions.started'),
    expired: t('exemptions.expired'),
    revoked: t('exemptions.revoked'),
  };
  const columns: TableColumn<ExemptionChange>[] = [
    { title: t('exemptions.change'), render: e => label[e.change] },
    {
      title: t('exemptions.when'),
      render: e => localDateTime(e.at),
    },
    {
      title: t('exemptions.who'),
      render: e => (e.by ? <EntityRefLink entityRef={e.by} /> : '—'),
    },
    { title: t('exemptions.check'), render: e => e.checkId },
    {
      title: t('exemptions.resources'),
      render: e => (
        <Ellipsis
          text={localNumber(e.resourceCount)}
          full={e.arns.join('\n')}
          maxWidth={80}
        />
      ),
    },
    {
      title: t('exemptions.team'),
      render: e => (e.teamRef ? <EntityRefLink entityRef={e.teamRef} /> : '—'),
    },
    {
      title: t('exemptions.expires'),
      render: e => localDateTime(e.expiresAt),
    },
    {
      title: t('exemptions.reason'),
      render: e => <Ellipsis text={e.reason} maxWidth={320} />,
    },
  ];
  return (
    <Box
      mt={2}
      data-print="section"
      data-testid="aws-ownership-changes-exemptions"
    >
      <Typography variant="h6">
        {t('exemptions.title')} ({localNumber(items.length)})
      </Typography>
      {items.length > 0 && (
        <Table<ExemptionChange>
          options={compactTableOptions}
          columns={columns}
          data={items}
        />
      )}
    </Box>
  );
};
