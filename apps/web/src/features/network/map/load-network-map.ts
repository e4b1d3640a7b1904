type NetworkMapModule = typeof import('./NetworkMap');

let pending: Promise<NetworkMapModule> | undefined;
let loaded: NetworkMapModule | undefined;

/**
 * The map's own chunk (its component and the projected borders). The start page asks for
 * it as it mounts, so the chunk downloads while the cities are being fetched instead of
 * after them.
 */
export const loadNetworkMap = (): Promise<NetworkMapModule> =>
  (pending ??= import('./NetworkMap').then(
    (module) => (loaded = module),
    (error: unknown) => {
      pending = undefined; // the next render tries again
      throw error;
    },
  ));

/** The map's module once its chunk is there: drawn in the same commit as the cities. */
export const loadedNetworkMap = (): NetworkMapModule | undefined => loaded;
