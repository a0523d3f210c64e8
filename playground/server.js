// Starts the built app without Strapi's command-line interface, as `strapi start` would (run
// `strapi build` first). The CLI loads all of its commands, the TypeScript compiler and the
// admin build tooling among them, and keeps them in memory for the life of the server: about
// 22 MB of heap that every major garbage collection has to mark. `node server.js` leaves them out.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

createStrapi({ appDir: __dirname, distDir: path.join(__dirname, 'dist') }).start();
