export {
  FailingChecks,
  rankFailingChecks,
  SeverityChip,
} from './FailingChecks';
