import agents from './agents';
import analytics from './analytics';
import bots from './bots';
import conversations from './conversations';
import idle from './idle';
import knowledgeBase from './knowledge-base';
import messages from './messages';
import notifier from './notifier';
import offlineInbox from './offline-inbox';
import openingHours from './opening-hours';
import overview from './overview';
import presence from './presence';
import queue from './queue';
import rateLimits from './rate-limits';
import realtime from './realtime';
import seed from './seed';
import settings from './settings';
import siteOrigins from './site-origins';
import templates from './templates';
import visitorTokens from './visitor-tokens';
import widgetBundle from './widget-bundle';

const services = {
  agents,
  analytics,
  bots,
  conversations,
  idle,
  knowledgeBase,
  messages,
  notifier,
  offlineInbox,
  openingHours,
  overview,
  presence,
  queue,
  rateLimits,
  realtime,
  seed,
  settings,
  siteOrigins,
  templates,
  visitorTokens,
  widgetBundle,
};

export type Services = typeof services;
export default services;
