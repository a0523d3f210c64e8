// Writes playground/.env with fresh random secrets the first time; never overwrites it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const playgroundDir = path.join(root, 'playground');

const secret = () => randomBytes(24).toString('base64');

export function ensurePlaygroundEnv() {
  const envFile = path.join(playgroundDir, '.env');
  fs.mkdirSync(path.join(playgroundDir, 'public', 'uploads'), { recursive: true });
  if (fs.existsSync(envFile)) return false;
  const lines = [
    '# Written by scripts/ensure-env.mjs on first start. Local secrets: never commit this file.',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    '',
  ];
  fs.writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensurePlaygroundEnv() ? 'playground/.env written' : 'playground/.env already exists');
}
