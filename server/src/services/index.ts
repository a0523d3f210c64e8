import overview from './overview';
import realtime from './realtime';
import seed from './seed';
import widgetBundle from './widget-bundle';

const services = { overview, realtime, seed, widgetBundle };

export type Services = typeof services;
export default services;
