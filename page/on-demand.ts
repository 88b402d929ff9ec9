/**
 * Scripts the background injects into a frame's isolated world on demand (the card, the page's session):
 * each leaves what it provides under a key of the isolated world's global, which the content script and
 * the injected script share and the page cannot see.
 */

type OnDemandGlobal = typeof globalThis & Record<string, unknown>;

/** Called by an injected bundle when it runs: leaves `module` for the content script. */
export function registerOnDemand<M>(key: string, module: M): void {
  (globalThis as OnDemandGlobal)[key] = module;
}

/**
 * The module under `key`, loaded once: `inject` runs its bundle in this frame (a message to the
 * background, which injects it). Rejects when the bundle did not register itself, so that the caller may
 * try again.
 */
export async function loadOnDemand<M>(key: string, inject: () => Promise<unknown>, what: string): Promise<M> {
  const registered = () => (globalThis as OnDemandGlobal)[key] as M | undefined;
  if (!registered()) await inject();
  const module = registered();
  if (!module) throw new Error(`Dramatis: the ${what} script did not load in this frame`);
  return module;
}
