import { useCallback, useMemo, useState } from 'react';
import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { Box, Button, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { ResourcesQuery, useResourcesPage } from '../../hooks/useResourcesPage';
import { useCsvExport } from '../../hooks/useCsvExport';
import { ResourceFilters, ResourceFilterValues } from '../ResourceFilters';
import { ResourceSort, ResourcesTable, SortOrder } from '../ResourcesTable';
import { ResourceDetailDrawer } from '../ResourceDetailDrawer';

/** Props of {@link ResourcesExplorer}. */
export interface ResourcesExplorerProps {
  /** The scope: owner, includeDescendants or component. */
  baseQuery: ResourcesQuery;
  title?: string;
  /** Controlled filters; the explorer keeps its own when omitted. */
  filters?: ResourceFilterValues;
  onFiltersChange?: (filters: ResourceFilterValues) => void;
  /** Offer a CSV export of the current view. */
  exportable?: boolean;
  showOwner?: boolean;
  pageSize?: number;
  /** What to say when the scope has no resources at all. */
  emptyTitle?: string;
}

const hasFilters = (filters: ResourceFilterValues) =>
  Object.values(filters).some(v =>
    Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '',
  );

/**
 * A resources view: server-side filters, sort and cursor pagination over
 * `GET /resources`, a detail drawer on each row, and an optional CSV export
 * of exactly what is shown (every page).
 */
export const ResourcesExplorer = (props: ResourcesExplorerProps) => {
  const [ownFilters, setOwnFilters] = useState<ResourceFilterValues>({});
  const filters = props.filters ?? ownFilters;
  const setFilters = props.onFiltersChange ?? setOwnFilters;
  const [sort, setSort] = useState<{ sort?: ResourceSort; order?: SortOrder }>(
    {},
  );
  const [selected, setSelected] = useState<string>();

  const query = useMemo<ResourcesQuery>(() => {
    const q: ResourcesQuery = { ...props.baseQuery, ...filters, ...sort };
    // drop unset keys so the URL and the memo key stay minimal
    return Object.fromEntries(
      Object.entries(q).filter(([, v]) => v !== undefined),
    ) as ResourcesQuery;
  }, [props.baseQuery, filters, sort]);

  const page = useResourcesPage(query, props.pageSize);
  const [exportState, exportCsv] = useCsvExport();
  const onSortChange = useCallback(
    (s?: ResourceSort, o?: SortOrder) => setSort({ sort: s, order: o }),
    [],
  );
  const onSelect = useCallback((arn: string) => setSelected(arn), []);

  const filtered = hasFilters(filters);
  const items = page.value?.items ?? [];
  const nothingAtAll =
    !page.loading &&
    !page.error &&
    !filtered &&
    page.pageIndex === 0 &&
    page.value !== undefined &&
    items.length === 0;

  return (
    <Box>
      <Box display="flex" alignItems="center" mb={2}>
        <Box flex={1}>
          <ResourceFilters value={filters} onChange={setFilters} />
        </Box>
        {props.exportable && (
          <Box ml={1}>
            <Button
              variant="outlined"
              color="primary"
              startIcon={<GetAppIcon />}
              disabled={exportState.loading}
              onClick={() => exportCsv(query)}
            >
              {exportState.loading ? 'Exporting…' : 'Export CSV'}
            </Button>
          </Box>
        )}
      </Box>
      {exportState.error && <ResponseErrorPanel error={exportState.error} />}
      {page.error && <ResponseErrorPanel error={page.error} />}
      {nothingAtAll ? (
        <EmptyState
          missing="data"
          title={props.emptyTitle ?? 'No AWS resources'}
          description="No resource of the last scan is attributed here. Resources appear once they carry an owner or component tag that resolves to this entity."
        />
      ) : (
        !page.error && (
          <ResourcesTable
            title={props.title}
            items={items}
            loading={page.loading}
            totalCount={page.value?.totalCount}
            pageIndex={page.pageIndex}
            pageSize={page.pageSize}
            hasNext={page.hasNext}
            hasPrevious={page.hasPrevious}
            onNext={page.next}
            onPrevious={page.previous}
            sort={sort.sort}
            order={sort.order}
            onSortChange={onSortChange}
            onSelect={onSelect}
            showOwner={props.showOwner}
            emptyContent={
              <Box p={3}>
                <Typography align="center">
                  No resources match these filters.
                </Typography>
              </Box>
            }
          />
        )
      )}
      <ResourceDetailDrawer
        arn={selected}
        onClose={() => setSelected(undefined)}
      />
    </Box>
  );
};
