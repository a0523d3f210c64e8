import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::help-article.help-article');
