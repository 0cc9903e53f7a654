export { createSlackApp, SLACK_EVENTS_PATH } from './create-slack-app';
export type { SlackAppDeps } from './deps';
export { slackAppFromEnv, type SlackAppFromEnvOptions } from './from-env';
