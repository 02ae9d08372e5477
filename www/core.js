// Loads the WebAssembly core, from beside this module, whatever page hosts it. Two bundles:
// the light one holds the ROI calculator (the page opens on it, an embed needs nothing else);
// the full one adds the files, analysis and contest calls and is fetched only when a tab
// needs them. Each loads once.
import initLite, * as lite from './pkg/lite/social_roi.js';

let liteReady = null;
let fullReady = null;

/** Resolves to the light core's exports (the ROI calculator). */
export function loadCore() {
  liteReady ??= initLite({ module_or_path: new URL('./pkg/lite/social_roi_bg.wasm', import.meta.url) }).then(() => lite);
  return liteReady;
}

/** Resolves to the full core's exports (files, analysis, contests, and the ROI calculator). */
export function loadFullCore() {
  fullReady ??= import('./pkg/full/social_roi.js').then(async (full) => {
    await full.default({ module_or_path: new URL('./pkg/full/social_roi_bg.wasm', import.meta.url) });
    return full;
  });
  // A failed fetch may be retried (the network or the host may come back).
  fullReady.catch(() => { fullReady = null; });
  return fullReady;
}
