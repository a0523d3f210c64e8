import agent from './agent';
import health from './health';
import overview from './overview';
import settings from './settings';
import visitor from './visitor';
import widget from './widget';

export default { agent, health, overview, settings, visitor, widget };
