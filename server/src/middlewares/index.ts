import bodyLimit from './body-limit';
import rateLimit from './rate-limit';
import siteOrigin from './site-origin';

export default { 'body-limit': bodyLimit, 'rate-limit': rateLimit, 'site-origin': siteOrigin };
