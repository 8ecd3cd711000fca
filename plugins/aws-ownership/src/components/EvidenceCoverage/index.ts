export { EvidenceCoverage } from './EvidenceCoverage';
