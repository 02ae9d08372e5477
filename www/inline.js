// The WebAssembly bundles and the worker when they travel inside the page: null here, where
// the page loads them from beside its modules (core.js, full-core.js, worker-client.js). The
// single-file build (scripts/single-file.mjs) puts in its place a module holding both bundles,
// gzipped, whose `lite()` and `full()` give each one as a Response the wasm loader reads (and
// `sheets()` and `beacon()` the spreadsheet and beacon modules), and
// `worker()`, which starts the worker from its code (a Blob) with the full bundle inside.
export const inlined = null;
