/**
 * Print rules of the meeting page: A4 with margins, the portal's chrome and
 * the page's buttons left out, tables kept whole where they fit.
 */
export const printCss = `
@media print {
  @page { size: A4; margin: 14mm; }
  nav, [class*="BackstageSidebar"], [data-print="hide"] { display: none !important; }
  main, [class*="BackstageContent"] { padding: 0 !important; overflow: visible !important; }
  body { background: white !important; }
  [data-print="section"] { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit !important; text-decoration: none !important; }
}
`;
