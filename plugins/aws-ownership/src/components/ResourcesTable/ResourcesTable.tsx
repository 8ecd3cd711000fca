import { ReactNode, useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import {
  Box,
  Chip,
  IconButton,
  Link,
  Tooltip,
  Typography,
} from '@material-ui/core';
import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';
import type {
  ApiRatedResource,
  ResourceListQuery,
} from '@aws-ownership/backstage-plugin-common';
import { absoluteTime, formatScore, relativeTime } from '../../utils';
import { GradeChip } from '../GradeChip';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { localNumber } from '../../utils/locale';

/** A sortable field of `GET /resources`. */
export type ResourceSort = NonNullable<ResourceListQuery['sort']>;
/** A sort order. */
export type SortOrder = NonNullable<ResourceListQuery['order']>;

/** Props of {@link ResourcesTable}. */
export interface ResourcesTableProps {
  title?: string;
  items: ApiRatedResource[];
  loading?: boolean;
  totalCount?: number;
  pageIndex: number;
  pageSize: number;
  hasNext: boolean;
  hasPrevious: boolean;
  onNext: () => void;
  onPrevious: () => void;
  sort?: ResourceSort;
  order?: SortOrder;
  onSortChange: (sort?: ResourceSort, order?: SortOrder) => void;
  onSelect: (arn: string) => void;
  emptyContent?: ReactNode;
  /** Whether to show the owner column (views that span teams). */
  showOwner?: boolean;
}

const failing = (r: ApiRatedResource) =>
  r.rating.results.filter(result => result.status === 'fail').length;

const noClientSort = () => 0;

/**
 * One page of rated resources. Sorting and paging happen on the server: the
 * table only reports what was asked for.
 */
export const ResourcesTable = (props: ResourcesTableProps) => {
  const { sort, order, onSelect, showOwner } = props;

  const columns = useMemo(() => {
    const sortable = (
      key: ResourceSort,
      column: TableColumn<ApiRatedResource>,
    ): TableColumn<ApiRatedResource> & { sortKey: ResourceSort } => ({
      ...column,
      sortKey: key,
      customSort: noClientSort,
      defaultSort: sort === key ? order ?? 'asc' : undefined,
    });
    const all: Array<
      TableColumn<ApiRatedResource> & { sortKey?: ResourceSort }
    > = [
      sortable('name', {
        title: 'Name',
        field: 'resource.name',
        highlight: true,
        render: row => (
          <Box>
            <Tooltip title={row.resource.arn}>
              <Link
                component="button"
                variant="body2"
                onClick={() => onSelect(row.resource.arn)}
                style={{
                  maxWidth: 320,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  verticalAlign: 'middle',
                }}
              >
                {row.resource.name || row.resource.resourceId}
              </Link>
            </Tooltip>
            {row.stale && (
              <Chip
                size="small"
                label="stale"
                style={{ marginLeft: 8 }}
                title="Its region failed in the last scan; this is older data"
              />
            )}
            {row.neverTagged && (
              <Chip
                size="small"
                label="never tagged"
                style={{ marginLeft: 8 }}
                title="Recorded by AWS Config; the Tagging API never listed it"
              />
            )}
          </Box>
        ),
      }),
      sortable('resourceType', {
        title: 'Type',
        field: 'resource.resourceType',
        cellStyle: { whiteSpace: 'nowrap' },
      }),
      sortable('accountId', {
        title: 'Account',
        field: 'resource.accountId',
        cellStyle: { whiteSpace: 'nowrap' },
      }),
      sortable('region', {
        title: 'Region',
        field: 'resource.region',
        cellStyle: { whiteSpace: 'nowrap' },
        render: row => row.resource.region || 'global',
      }),
      {
        title: 'Category',
        field: 'category',
        sorting: false,
        cellStyle: { whiteSpace: 'nowrap' },
      },
      ...(showOwner
        ? [
            {
              title: 'Owner',
              field: 'ownership.ownerRef',
              sorting: false,
              cellStyle: { whiteSpace: 'nowrap' },
              render: (row: ApiRatedResource) =>
                row.ownership.ownerRef ? (
                  <EntityRefLink entityRef={row.ownership.ownerRef} />
                ) : (
                  <Typography variant="body2" color="error">
                    {row.ownership.ownerTag
                      ? `unresolved: ${row.ownership.ownerTag.value}`
                      : 'none'}
                  </Typography>
                ),
            } as TableColumn<ApiRatedResource>,
          ]
        : []),
      sortable('score', {
        title: 'Score',
        field: 'rating.score',
        type: 'numeric',
        render: row => formatScore(row.rating.score),
      }),
      {
        title: 'Grade',
        field: 'rating.grade',
        sorting: false,
        render: row => <GradeChip grade={row.rating.grade} />,
      },
      {
        title: 'Failing checks',
        sorting: false,
        type: 'numeric',
        render: row => failing(row),
      },
      sortable('lastSeenAt', {
        title: 'Last seen',
        field: 'lastSeenAt',
        render: row => (
          <Tooltip title={absoluteTime(row.lastSeenAt)}>
            <span>{relativeTime(row.lastSeenAt)}</span>
          </Tooltip>
        ),
      }),
    ];
    return all;
  }, [sort, order, onSelect, showOwner]);

  const first = props.pageIndex * props.pageSize + 1;
  const last = props.pageIndex * props.pageSize + props.items.length;

  return (
    <>
      <Table<ApiRatedResource>
        title={props.title}
        isLoading={props.loading}
        options={{
          paging: false,
          search: false,
          sorting: true,
          padding: 'dense',
          draggable: false,
        }}
        columns={columns}
        data={props.items}
        emptyContent={props.emptyContent}
        onOrderChange={(index, direction) => {
          const key = index >= 0 ? columns[index]?.sortKey : undefined;
          props.onSortChange(key, key ? direction : undefined);
        }}
      />
      <Box
        display="flex"
        justifyContent="flex-end"
        alignItems="center"
        mt={1}
        aria-label="Pagination"
        role="navigation"
      >
        <Typography variant="body2" color="textSecondary">
          {props.items.length
            ? `${localNumber(first)}–${localNumber(last)}`
            : localNumber(0)}
          {props.totalCount !== undefined &&
            ` of ${localNumber(props.totalCount)}`}
        </Typography>
        <IconButton
          aria-label="Previous page"
          disabled={!props.hasPrevious || props.loading}
          onClick={props.onPrevious}
        >
          <ChevronLeft />
        </IconButton>
        <IconButton
          aria-label="Next page"
          disabled={!props.hasNext || props.loading}
          onClick={props.onNext}
        >
          <ChevronRight />
        </IconButton>
      </Box>
    </>
  );
};
