// The WebAssembly bundles when they travel inside the page: null here, where the page loads
// them from beside its modules (core.js, full-core.js). The single-file build
// (scripts/single-file.mjs) puts in its place a module holding both bundles, gzipped, whose
// `lite()` and `full()` give each one as a Response the wasm loader reads.
export const inlined = null;
