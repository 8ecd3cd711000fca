export { ResourcesExplorer } from './ResourcesExplorer';
export type { ResourcesExplorerProps } from './ResourcesExplorer';
