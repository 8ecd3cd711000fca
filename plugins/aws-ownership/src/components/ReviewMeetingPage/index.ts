export { ReviewMeetingPage } from './ReviewMeetingPage';
