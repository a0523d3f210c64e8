import fs from 'fs';
import path from 'path';

/**
 * The plugin lives at the root of this repository. `__dirname` is `playground/config` while
 * the admin is built and `playground/dist/config` at run time, so walk up to the package
 * that declares itself a Strapi plugin.
 */
function findPluginRoot(start: string): string {
  let dir = start;
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (pkg.strapi?.kind === 'plugin' && pkg.strapi?.name === 'live-support') return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error('Could not find the live-support plugin above ' + start);
}

export default ({ env }) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  // Agents answer offline messages by email. With SMTP_HOST set, mail goes to that server
  // (tests start a local one); otherwise Strapi's default sendmail provider is used.
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: false,
              ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
              auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
            },
            settings: {
              defaultFrom: env('EMAIL_FROM', 'support@example.com'),
              defaultReplyTo: env('EMAIL_REPLY_TO', 'support@example.com'),
            },
          },
        },
      }
    : {}),
  'live-support': {
    enabled: true,
    resolve: findPluginRoot(__dirname),
    // LIVE_SUPPORT_CONFIG (JSON) lets tests and demos try other settings without editing this file.
    config: env.json('LIVE_SUPPORT_CONFIG', {}),
  },
});
