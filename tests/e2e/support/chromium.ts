/**
 * Chromium with the unpacked extension, launched as DESIGN.md says (playwright-core, persistent context,
 * headless, --load-extension). Chromium only loads extensions into a persistent context.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_BIN } from './paths';
import { closeWithin, makeTempDir, removeDir } from './cleanup';

export interface LaunchChromiumOptions {
  /**
   * A profile folder to use and keep (e.g. to restart the browser with the same storage). Without it a fresh
   * temp folder is used and removed on close.
   */
  profileDir?: string;
  /** How long to wait for the extension's service worker (default 20 s). */
  timeoutMs?: number;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** From the service worker's URL, chrome-extension://ID/background.js. */
  extensionId: string;
  /** chrome-extension://ID/ */
  extensionBaseUrl: string;
  userDataDir: string;
  /** Closes the browser and removes the temp profile (not a given profileDir). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Flags every headless Chromium here needs (DESIGN.md): root needs --no-sandbox, and with no network
 * the background services would only fail their look-ups. Shared with the bench.
 */
export const HEADLESS_CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...HEADLESS_CHROMIUM_FLAGS,
  ];
}

export async function launchChromium(
  extensionDir: string,
  options: LaunchChromiumOptions = {},
): Promise<ChromiumSession> {
  const { profileDir, timeoutMs = 20_000 } = options;
  const tempDir = profileDir === undefined ? await makeTempDir('dramatis-chromium-') : undefined;
  const userDataDir = profileDir ?? tempDir!;
  let context: BrowserContext | undefined;
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    if (context) {
      const ctx = context;
      // A persistent context exposes no browser process; if closing hangs, playwright still kills the
      // browser when this Node process exits.
      await closeWithin(
        15_000,
        () => ctx.close(),
        () => undefined,
      );
    }
    await removeDir(tempDir);
  };

  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      args: chromiumArgs(extensionDir),
      timeout: timeoutMs,
    });
    const isExtensionWorker = (url: string) => url.startsWith('chrome-extension://');
    let worker = context.serviceWorkers().find((w) => isExtensionWorker(w.url()));
    worker ??= await context.waitForEvent('serviceworker', {
      predicate: (w) => isExtensionWorker(w.url()),
      timeout: timeoutMs,
    });
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      extensionBaseUrl: `chrome-extension://${extensionId}/`,
      userDataDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
