// Loads the WebAssembly core, from beside this module, whatever page hosts it. Two bundles:
// the light one holds the ROI calculator (the page opens on it, an embed needs nothing else);
// the full one adds the files, analysis and contest calls and is fetched only when a tab
// needs them, by the worker that runs it (worker.js, full-core.js), or by the page itself
// where no worker can start. The tabs reach the full core through `fullCore()`: the worker's
// client (worker-client.js), whose calls all return promises.
import initLite, * as lite from './pkg/lite/social_roi.js';
import { inlined } from './inline.js';

let liteReady = null;

/** Resolves to the light core's exports (the ROI calculator). */
export function loadCore() {
  // Inside the single file, the bundle travels in the page itself (inline.js).
  const wasm = inlined ? inlined.lite() : new URL('./pkg/lite/social_roi_bg.wasm', import.meta.url);
  liteReady ??= initLite({ module_or_path: wasm }).then(() => lite);
  return liteReady;
}

/** Resolves to the full core's client (worker-client.js), once its core is up. */
export function fullCore() {
  return import('./worker-client.js').then((m) => m.coreClient());
}
