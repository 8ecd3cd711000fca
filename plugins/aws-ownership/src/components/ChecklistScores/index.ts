export { ChecklistScores, checklistLabels } from './ChecklistScores';
