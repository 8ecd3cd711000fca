export { RequestExemptionButton } from './RequestExemptionButton';
export type { ExemptionTarget } from './RequestExemptionButton';
export { ExemptionNote } from './ExemptionNote';
export { TeamExemptions } from './TeamExemptions';
export { ExemptionApprovals } from './ExemptionApprovals';
