import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium: no browser is ever downloaded. Override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Logs into the Strapi admin panel as a person does, through the login form. */
export async function logInToAdmin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
}

type StoredSession = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * One file's admin sessions, one per account: the account's first context logs in through the
 * form, as a person does; later contexts start from the session it stored (cookies and local
 * storage), which spares a login page, a password check and a second load of the admin panel
 * each. (Strapi also allows only five logins per account and address in five minutes.)
 */
export class AdminSessions {
  private readonly stored = new Map<string, StoredSession>();

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  /** A new browser context logged into the admin panel as `account`, with no page open. */
  async newContext(account: { email: string; password: string }, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const session = this.stored.get(account.email);
    if (session) return this.browser().newContext({ ...options, storageState: session });
    const context = await this.browser().newContext(options);
    const page = await context.newPage();
    await logInToAdmin(page, this.baseUrl(), account.email, account.password);
    this.stored.set(account.email, await context.storageState());
    await page.close();
    return context;
  }
}
