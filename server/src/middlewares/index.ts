import bodyLimit from './body-limit';
import siteOrigin from './site-origin';

export default { 'body-limit': bodyLimit, 'site-origin': siteOrigin };
