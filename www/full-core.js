// Loads the full WebAssembly core (files, analysis, contests, and the ROI calculator) from
// beside this module: in the worker (worker.js), or in the page where no worker can start
// (worker-client.js). Two builds of it: `full` (www/pkg/full/), and `sheets`
// (www/pkg/sheets/), the same with the spreadsheet readers, which the page loads instead
// once a spreadsheet is dropped (the full one says `needs_spreadsheet_reader`).

import { inlined } from './inline.js';
import { wasmSimd } from './wasm-simd.js';

const ready = new Map();
let instances = 0;

/**
 * Imports the full bundle's module (a new instance of it for `suffix`) and loads its wasm.
 * Inside the single file (inline.js) the module is part of one script: there is one instance
 * of it per worker (a new worker is a fresh one), which a fresh start in the page shares.
 */
function load(suffix, bundle) {
  // Both builds use WebAssembly SIMD: without it their wasm would not compile, with a message
  // naming an opcode (the page says it in the visitor's language: social-roi.js).
  if (!wasmSimd()) return Promise.reject(new Error('this browser does not run WebAssembly SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 and later do)'));
  // The single file's full bundle has the spreadsheet readers (scripts/single-file.mjs).
  const module = inlined ? import('./pkg/sheets/social_roi.js')
    : bundle === 'sheets' ? import(`./pkg/sheets/social_roi.js${suffix}`) : import(`./pkg/full/social_roi.js${suffix}`);
  return module.then(async (core) => {
    // (import.meta.url is empty inside the single file: no URL is made there.)
    const wasm = () => new URL(`./pkg/${bundle === 'sheets' ? 'sheets' : 'full'}/social_roi_bg.wasm`, import.meta.url);
    await core.default({ module_or_path: inlined ? inlined.full() : wasm() });
    return core;
  });
}

/**
 * Resolves to the full core's exports, loaded once; `fresh` loads another instance beside it
 * (a new module, a new memory), for a page that must start again after the core stopped in
 * its own thread.
 */
export function loadFullCore(fresh = false, bundle = 'full') {
  if (fresh) {
    instances += 1;
    return load(`?instance=${instances}`, bundle);
  }
  if (!ready.has(bundle)) {
    const p = load('', bundle);
    ready.set(bundle, p);
    // A failed fetch may be retried (the network or the host may come back).
    p.catch(() => { ready.delete(bundle); });
  }
  return ready.get(bundle);
}

/** Whether the single file's core, which reads spreadsheets already, is the one loaded. */
export const sheetsInside = !!inlined;
