import agents from './agents';
import analytics from './analytics';
import botApi from './bot-api';
import cannedReplies from './canned-replies';
import conversations from './conversations';
import customerData from './customer-data';
import health from './health';
import jobs from './jobs';
import offlineMessages from './offline-messages';
import openingHours from './opening-hours';
import overview from './overview';
import queue from './queue';
import settings from './settings';
import visitor from './visitor';
import widget from './widget';

export default {
  agents,
  analytics,
  'bot-api': botApi,
  'canned-replies': cannedReplies,
  conversations,
  'customer-data': customerData,
  health,
  jobs,
  'offline-messages': offlineMessages,
  'opening-hours': openingHours,
  overview,
  queue,
  settings,
  visitor,
  widget,
};
