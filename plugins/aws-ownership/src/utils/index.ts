export { gradeColor, formatScore, formatChange } from './grades';
export { relativeTime, absoluteTime } from './dates';
export { checkText } from './checks';
export type { CheckText } from './checks';
export { isNotFound } from './errors';
export { useEntityTabLink } from './entityLink';
