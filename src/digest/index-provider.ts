import type { Logger } from '../log.ts';
import { IndexStore, type LoadedIndex } from '../store/index.ts';
import type { IndexProvider } from './types.ts';

/**
 * An index provider that re-reads the manifest on every call and reloads the index when `npm run ingest`
 * committed a new generation, so new articles reach the next digest without a restart. Use it when nothing else
 * in the process reloads the index; a bot that already swaps its index passes `() => currentIndex` instead.
 * A failed reload keeps serving the previous generation (logged).
 */
export function reloadingIndexProvider(indexDir: string, log?: Logger): IndexProvider {
  let current: LoadedIndex | null = null;
  return async () => {
    try {
      const manifest = await IndexStore.readManifest(indexDir);
      if (manifest && (!current || current.manifest.generation !== manifest.generation)) current = await IndexStore.open(indexDir);
    } catch (error) {
      log?.warn(`digest: could not reload the index, keeping the loaded one: ${error instanceof Error ? error.message : String(error)}`);
    }
    return current;
  };
}
