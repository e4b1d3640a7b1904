/**
 * The map's own chunk (d3-geo, geodata). The start page asks for it as it mounts, so the
 * chunk downloads while the cities are being fetched instead of after them.
 */
export const loadNetworkMap = () => import('./NetworkMap');
