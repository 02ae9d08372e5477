// Loads the full WebAssembly core (files, analysis, contests, and the ROI calculator) from
// beside this module: in the worker (worker.js), or in the page where no worker can start
// (worker-client.js).

let fullReady = null;
let instances = 0;

/** Imports the full bundle's module (a new instance of it for `suffix`) and loads its wasm. */
function load(suffix) {
  return import(`./pkg/full/social_roi.js${suffix}`).then(async (full) => {
    await full.default({ module_or_path: new URL('./pkg/full/social_roi_bg.wasm', import.meta.url) });
    return full;
  });
}

/**
 * Resolves to the full core's exports, loaded once; `fresh` loads another instance beside it
 * (a new module, a new memory), for a page that must start again after the core stopped in
 * its own thread.
 */
export function loadFullCore(fresh = false) {
  if (fresh) {
    instances += 1;
    return load(`?instance=${instances}`);
  }
  fullReady ??= load('');
  // A failed fetch may be retried (the network or the host may come back).
  fullReady.catch(() => { fullReady = null; });
  return fullReady;
}
