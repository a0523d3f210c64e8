import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::help-article.help-article');
