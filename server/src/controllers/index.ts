import agent from './agent';
import analytics from './analytics';
import botApi from './bot-api';
import health from './health';
import overview from './overview';
import settings from './settings';
import visitor from './visitor';
import widget from './widget';

export default { agent, analytics, 'bot-api': botApi, health, overview, settings, visitor, widget };
