/** The meeting page's tables: every row at once, no toolbar, dense rows. */
export const compactTableOptions = {
  paging: false,
  search: false,
  toolbar: false,
  padding: 'dense',
} as const;
