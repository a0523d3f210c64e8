import type { Core } from '@strapi/strapi';
import type { Socket } from 'socket.io-client';

import { PLUGIN_ID, type PresenceStatus } from '../../server/src/contracts/constants';
import type { PluginConfigInput } from '../../server/src/contracts/plugin-config';
import { alwaysOpen, loginAgent, type Agent } from './protocol';
import { bootStrapi, type BootedStrapi, type BootOptions, type StrapiInProcess } from './strapi';
import { ONE_ADDRESS_FOR_EVERY_CLIENT } from './test-env';

export interface AdminAccount {
  email: string;
  password: string;
}

export interface BootedStrapiOptions {
  /** The plugin's deploy-time configuration, as a host app writes it in `config/plugins`. */
  config?: PluginConfigInput;
  /**
   * Starts what this Strapi depends on (a mail server, a database, Redis) and returns the
   * environment Strapi reaches it with. Runs in `beforeAll`, before the boot.
   */
  prepare?: () => Promise<Record<string, string>>;
  /** Leave the prepared environment in process.env after the boot (another node reads it). */
  keepEnv?: boolean;
  /**
   * Opening hours are ignored by default, so that live support is open whatever the time of
   * day the tests run at; `enforced` leaves the seeded hours in force.
   */
  openingHours?: 'ignored' | 'enforced';
  /** Runs first when the file is done, while Strapi still runs (to stop a second node, say). */
  beforeStop?: () => Promise<void>;
  /** Runs last, after Strapi has stopped: stop here what `prepare` started. */
  afterStop?: () => Promise<void>;
}

export interface SignInOptions {
  /** Presence to set right after signing in (over REST, as the desk's switch does). */
  presence?: PresenceStatus;
}

/** The Strapi of one test file. Usable inside tests and hooks, once `beforeAll` has booted it. */
export interface BootedStrapiHandle extends StrapiInProcess {
  readonly databaseFile: string;
  /** One of the plugin's services, as host-app code reaches it. */
  service(name: string): Core.Service;
  /**
   * An admin user who signs in (and sets a presence) in `beforeAll`, right after the boot, in
   * the order of the calls. Call it at the top of the file; use the agent inside tests.
   */
  signIn(account: AdminAccount, options?: SignInOptions): Agent;
  /** Sockets closed after the running test. */
  closeAfterTest(...sockets: Socket[]): void;
  /** Sockets kept open for the whole file, closed before Strapi stops. */
  closeAtEnd(...sockets: Socket[]): void;
  /** Stops Strapi and boots it again on the same database (what a restart does to the data). */
  restart(): Promise<void>;
}

/**
 * One real Strapi (playground and plugin) per test file, with the set-up every API test file
 * needs: `beforeAll` boots it on a fresh SQLite database (see `bootStrapi`), ignores opening
 * hours and signs in the agents asked for; `afterAll` closes the sockets left open, stops Strapi
 * and removes the database.
 */
export function useBootedStrapi(options: BootedStrapiOptions = {}): BootedStrapiHandle {
  let booted: BootedStrapi | undefined;
  let bootOptions: BootOptions = {};
  const signIns: Array<{ account: AdminAccount; presence?: PresenceStatus; agent?: Agent }> = [];
  const socketsOfTest: Socket[] = [];
  const socketsOfFile: Socket[] = [];

  const running = (): BootedStrapi => {
    if (!booted) throw new Error('Strapi is not booted: use it inside a test or a hook, after beforeAll');
    return booted;
  };

  beforeAll(async () => {
    const env: Record<string, string> = options.prepare ? await options.prepare() : {};
    env.LIVE_SUPPORT_CONFIG ??= JSON.stringify({
      ...options.config,
      rateLimit: { ...ONE_ADDRESS_FOR_EVERY_CLIENT.rateLimit, ...options.config?.rateLimit },
    });
    bootOptions = { env, keepEnv: options.keepEnv };
    booted = await bootStrapi(bootOptions);
    if (options.openingHours !== 'enforced') await alwaysOpen(booted);
    for (const signIn of signIns) {
      signIn.agent = await loginAgent(booted, signIn.account.email, signIn.account.password);
      if (signIn.presence) await signIn.agent.put('/presence', { status: signIn.presence }).expect(200);
    }
  });

  afterEach(() => {
    for (const socket of socketsOfTest.splice(0)) socket.close();
  });

  afterAll(async () => {
    try {
      await options.beforeStop?.();
      for (const socket of socketsOfFile.splice(0)) socket.close();
      await booted?.stop();
      booted?.removeDatabase();
    } finally {
      await options.afterStop?.();
    }
  });

  return {
    get strapi() {
      return running().strapi;
    },
    get url() {
      return running().url;
    },
    get databaseFile() {
      return running().databaseFile;
    },
    service: (name) => running().strapi.plugin(PLUGIN_ID).service(name),
    signIn(account, signInOptions = {}) {
      if (booted) throw new Error(`sign ${account.email} in with loginAgent: signIn only registers sign-ins for beforeAll`);
      const entry: (typeof signIns)[number] = { account, presence: signInOptions.presence };
      signIns.push(entry);
      return signedInLater(account, () => entry.agent);
    },
    closeAfterTest: (...sockets) => void socketsOfTest.push(...sockets),
    closeAtEnd: (...sockets) => void socketsOfFile.push(...sockets),
    async restart() {
      const previous = running();
      await previous.stop();
      booted = undefined;
      let next: BootedStrapi;
      try {
        next = await bootStrapi({ ...bootOptions, databaseFile: previous.databaseFile });
      } catch (error) {
        previous.removeDatabase();
        throw error;
      }
      // A boot on a given database file leaves the file alone; the first boot's removal still owns it.
      booted = { ...next, removeDatabase: previous.removeDatabase };
    },
  };
}

/** An agent whose session exists only once `beforeAll` has signed it in. */
function signedInLater(account: AdminAccount, current: () => Agent | undefined): Agent {
  const agent = (): Agent => {
    const signedIn = current();
    if (!signedIn) throw new Error(`${account.email} is not signed in yet: use the agent inside a test or a hook`);
    return signedIn;
  };
  return {
    get token() {
      return agent().token;
    },
    get id() {
      return agent().id;
    },
    get: (path) => agent().get(path),
    post: (path, body) => agent().post(path, body),
    put: (path, body) => agent().put(path, body),
    delete: (path) => agent().delete(path),
  };
}
