import { spawn } from 'node:child_process';

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The command is killed (with its children) when it runs longer than this. */
  timeoutMs: number;
}

export interface CommandResult {
  /** Standard output alone (e.g. JSON a command prints). */
  stdout: string;
  /** Standard output and error as they came. */
  output: string;
  durationMs: number;
}

/** The last lines of a long output: enough to read why a step failed, not the whole log. */
export function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs one step of the check to its end and captures its output. A failure or a timeout
 * rejects with the command, the reason and the tail of the output, so the Jest report says
 * what went wrong without a log to dig through.
 */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<CommandResult> {
  const started = Date.now();
  const title = `${command} ${args.join(' ')} (in ${options.cwd})`;
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout also ends what the command started.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let stdout = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${title} could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      if (timedOut) {
        reject(new Error(`${title} did not finish within ${options.timeoutMs / 1000} s:\n${tail(output)}`));
      } else if (code !== 0) {
        reject(new Error(`${title} exited with ${signal ?? code}:\n${tail(output)}`));
      } else {
        resolve({ stdout, output, durationMs });
      }
    });
  });
}

/** npm as a user runs it: the cache first, no audit or funding chatter. */
export const NPM_INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];
