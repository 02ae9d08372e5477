// Whether this browser runs WebAssembly SIMD (`simd128`), which the full bundle and the
// spreadsheet module are built with (scripts/build.sh): Chrome and Edge 91, Firefox 89 and
// Safari 16.4 do. The probe is the smallest module with a vector instruction (i8x16.splat,
// i8x16.popcnt), as wasm-feature-detect's; validating it compiles nothing.

const PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

let known;

/** Whether the browser validates a module with SIMD instructions (checked once). */
export function wasmSimd() {
  if (known === undefined) {
    try {
      known = typeof WebAssembly === 'object' && WebAssembly.validate(PROBE);
    } catch {
      known = false;
    }
  }
  return known;
}
