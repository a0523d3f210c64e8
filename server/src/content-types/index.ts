import analyticsDay from './analytics-day';
import agentConnection from './agent-connection';
import agentState from './agent-state';
import conversation from './conversation';
import conversationEvent from './conversation-event';
import customerDataEvent from './customer-data-event';
import message from './message';
import offlineMessage from './offline-message';
import openingHours from './opening-hours';
import scheduledJob from './scheduled-job';
import template from './template';

export default {
  conversation,
  message,
  'conversation-event': conversationEvent,
  template,
  'opening-hours': openingHours,
  'offline-message': offlineMessage,
  'agent-state': agentState,
  'agent-connection': agentConnection,
  'scheduled-job': scheduledJob,
  'customer-data-event': customerDataEvent,
  'analytics-day': analyticsDay,
};
