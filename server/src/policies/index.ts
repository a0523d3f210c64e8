import visitorToken from './visitor-token';

export default { 'visitor-token': visitorToken };
