import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

/** Types for server code that extends the plugin (bot providers) or talks its protocol. */
export type { BotAnswer, BotContext, BotProvider } from './bots/types';
export type * from './contracts/views';
export type * from './contracts/socket-events';

export default {
  register,
  bootstrap,
  destroy,
  config,
  controllers,
  routes,
  services,
  contentTypes,
  policies,
  middlewares,
};
