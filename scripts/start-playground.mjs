// `npm start`: build the plugin, the widget and the admin panel, then start the playground.
// `npm run develop`: the same with Strapi's watch mode (admin hot reload) instead of start.
import { spawn } from 'node:child_process';

import { ensurePlaygroundEnv, playgroundDir } from './ensure-env.mjs';
import { quietStrapiEnv, run } from './run.mjs';

const develop = process.argv.includes('--develop');
const env = { ...process.env, ...quietStrapiEnv };

if (ensurePlaygroundEnv()) console.log('Wrote playground/.env with new random secrets.');

await run('npx', ['strapi-plugin', 'build'], { env });
await run('node', ['widget/build.mjs'], { env });
if (!develop) await run('npx', ['strapi', 'build'], { cwd: playgroundDir, env });

// `node server.js` is `strapi start` without the CLI's modules held in memory (see the file).
const child = develop
  ? spawn('npx', ['strapi', 'develop'], { cwd: playgroundDir, env, stdio: 'inherit' })
  : spawn(process.execPath, ['server.js'], { cwd: playgroundDir, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
