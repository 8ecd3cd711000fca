import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import type { ResourceListQuery } from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipApiRef } from '../api';

/** The file name of the CSV export. */
export const csvFileName = 'aws-ownership-resources.csv';

/** Hands a text to the browser as a file download. */
export function downloadText(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Exports the resources of a query as CSV and downloads it. */
export function useCsvExport() {
  const api = useApi(awsOwnershipApiRef);
  return useAsyncFn(
    async (query: Omit<ResourceListQuery, 'cursor' | 'limit'>) => {
      const csv = await api.exportResourcesCsv(query);
      downloadText(csv, csvFileName, 'text/csv;charset=utf-8');
      return csv;
    },
    [api],
  );
}
