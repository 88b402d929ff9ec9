/**
 * The browser's registry of dynamic content scripts (`scripting.registerContentScripts` and its kin), in
 * memory over WXT's fake browser, which does not implement it: for tests of what the background registers
 * (platform/added-gate-script.ts).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Registered = { id: string; js?: string[]; matches?: string[]; runAt?: string };

/** Installs an empty registry on the fake browser; returns it (id -> script). */
export function fakeRegisteredScripts(): Map<string, Registered> {
  const registry = new Map<string, Registered>();
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
      [...registry.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    registerContentScripts: async (scripts: Registered[]) => {
      if (scripts.some((s) => registry.has(s.id))) throw new Error('Duplicate script ID');
      for (const script of scripts) registry.set(script.id, script);
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      for (const id of filter?.ids ?? [...registry.keys()]) {
        if (!registry.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
  });
  return registry;
}
