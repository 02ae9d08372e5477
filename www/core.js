// Loads the WebAssembly core once, from beside this module, whatever page hosts it.
import init, * as core from './pkg/social_roi.js';

let ready = null;

/** Resolves to the core's exports once the wasm is instantiated. */
export function loadCore() {
  ready ??= init({ module_or_path: new URL('./pkg/social_roi_bg.wasm', import.meta.url) }).then(() => core);
  return ready;
}
