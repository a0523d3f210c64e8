import agentConnections from './agent-connections';
import agents from './agents';
import analytics from './analytics';
import analyticsRollup from './analytics-rollup';
import assignment from './assignment';
import botClosing from './bot-closing';
import bots from './bots';
import cannedReplies from './canned-replies';
import chat from './chat';
import conversationStore from './conversation-store';
import conversationViews from './conversation-views';
import conversations from './conversations';
import customerData from './customer-data';
import customers from './customers';
import escalation from './escalation';
import escalationTrials from './escalation-trials';
import idle from './idle';
import knowledgeBase from './knowledge-base';
import knowledgeEntries from './knowledge-entries';
import messages from './messages';
import notifier from './notifier';
import offlineInbox from './offline-inbox';
import openingHours from './opening-hours';
import overview from './overview';
import personalData from './personal-data';
import presence from './presence';
import queue from './queue';
import queueHousekeeping from './queue-housekeeping';
import queueStandings from './queue-standings';
import rateLimits from './rate-limits';
import realtime from './realtime';
import scheduledJobs from './scheduled-jobs';
import scheduler from './scheduler';
import retention from './retention';
import seed from './seed';
import settings from './settings';
import siteOrigins from './site-origins';
import sqliteCheckpoints from './sqlite-checkpoints';
import templates from './templates';
import visitorTokens from './visitor-tokens';
import widgetBundle from './widget-bundle';
import widgetConfig from './widget-config';

const services = {
  agentConnections,
  agents,
  analytics,
  analyticsRollup,
  assignment,
  botClosing,
  bots,
  cannedReplies,
  chat,
  conversations,
  conversationStore,
  conversationViews,
  customerData,
  customers,
  escalation,
  escalationTrials,
  idle,
  knowledgeBase,
  knowledgeEntries,
  messages,
  notifier,
  offlineInbox,
  openingHours,
  overview,
  personalData,
  presence,
  queue,
  queueHousekeeping,
  queueStandings,
  rateLimits,
  realtime,
  scheduledJobs,
  scheduler,
  retention,
  seed,
  settings,
  siteOrigins,
  sqliteCheckpoints,
  templates,
  visitorTokens,
  widgetBundle,
  widgetConfig,
};

export type Services = typeof services;
export default services;
