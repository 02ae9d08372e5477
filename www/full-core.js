// Loads the full WebAssembly core (files, analysis, contests, and the ROI calculator) from
// beside this module: in the worker (worker.js), or in the page where no worker can start
// (worker-client.js).

import { inlined } from './inline.js';

let fullReady = null;
let instances = 0;

/**
 * Imports the full bundle's module (a new instance of it for `suffix`) and loads its wasm.
 * Inside the single file (inline.js) the module is part of one script: there is one instance
 * of it per worker (a new worker is a fresh one), which a fresh start in the page shares.
 */
function load(suffix) {
  const module = inlined ? import('./pkg/full/social_roi.js') : import(`./pkg/full/social_roi.js${suffix}`);
  return module.then(async (full) => {
    await full.default({ module_or_path: inlined ? inlined.full() : new URL('./pkg/full/social_roi_bg.wasm', import.meta.url) });
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
