import health from './health';
import overview from './overview';
import widget from './widget';

export default { health, overview, widget };
