export { ResourceDetailDrawer } from './ResourceDetailDrawer';
export { ResourceDetails, orderResults } from './ResourceDetails';
export { CopyButton } from './CopyButton';
