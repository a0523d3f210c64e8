// Runs a command with inherited output and fails loudly: the building block of our scripts.
import { spawn } from 'node:child_process';

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

export const quietStrapiEnv = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
};

/**
 * Starts a command beside the next steps, its output kept until `finish()` prints it, so that
 * the log stays in order. `finish()` resolves when it succeeded and rejects like `run`;
 * `stop()` ends it (and what it started) when the run fails before.
 */
export function runInBackground(command, args, options = {}) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const startedAt = Date.now();
  const exited = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: null, signal: error.message }));
    child.on('exit', (code, signal) => resolve({ code, signal, seconds: Math.round((Date.now() - startedAt) / 1000) }));
  });
  return {
    async finish() {
      const { code, signal, seconds } = await exited;
      process.stdout.write(output);
      if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`);
      console.log(`(ran beside the steps above, done after ${seconds} s)`);
    },
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // It had already finished.
      }
    },
  };
}
