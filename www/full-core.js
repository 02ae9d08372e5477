// Loads the full WebAssembly core (files, analysis, contests, and the ROI calculator) from
// beside this module: in the worker (worker.js), or in the page where no worker can start
// (worker-client.js). Spreadsheets: see loadSheets.

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
  const module = inlined ? import('./pkg/full/social_roi.js') : import(`./pkg/full/social_roi.js${suffix}`);
  const full = module.then(async (core) => {
    // (import.meta.url is empty inside the single file: no URL is made there.)
    const wasm = () => new URL('./pkg/full/social_roi_bg.wasm', import.meta.url);
    await core.default({ module_or_path: inlined ? inlined.full() : wasm() });
    return core;
  });
  // The single file reads everything: its worker loads the spreadsheet module at once.
  if (bundle !== 'sheets' && !inlined) return full;
  return Promise.all([full, loadSheets()]).then(([core]) => core);
}

/**
 * The full core reads no spreadsheet: it calls this (crates/wasm/src/sheets.rs), which is
 * `undefined` (the file says `needs_spreadsheet_reader`: the page has the module loaded, the
 * `sheets` op of engine.js, and reads the file again) until the spreadsheet module
 * (www/pkg/sheets/) is loaded beside it.
 */
let reader = () => undefined;
globalThis.socialRoiReadWorkbook = (...a) => reader(...a);

let sheets = null;
export function loadSheets() {
  sheets ??= import('./pkg/sheets/sheets.js').then(async (m) => {
    await m.default({ module_or_path: inlined ? inlined.sheets() : new URL('./pkg/sheets/sheets_bg.wasm', import.meta.url) });
    reader = (...a) => {
      try {
        return m.readWorkbook(...a);
      } catch (err) {
        // A trap leaves the module's memory mid-read: the next workbook gets a fresh one.
        // The core says a text thrown as what stopped the reader, null as a trap (sheets.rs).
        if (!(err instanceof WebAssembly.RuntimeError)) throw String(err?.message ?? err);
        m.__wbg_reset_state();
        throw null;
      }
    };
  });
  sheets.catch(() => { sheets = null; });
  return sheets;
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
