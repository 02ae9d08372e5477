// Shared by the benchmark's scripts: paths, the manifest, medians, the server and the browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
/** Cargo's target directory (CARGO_TARGET_DIR, as cargo reads it), where everything goes. */
export const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
export const inputsDir = process.env.BENCH_INPUTS || join(target, 'bench-inputs');
export const resultsDir = join(target, 'bench-results');
export const MB = 1_000_000;

export function manifest(mode) {
  const path = join(inputsDir, `manifest-${mode}.json`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run node benches/gen.mjs${mode === 'small' ? ' --small' : ''} first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** `--small`, `--rounds N` and `--only a,b` from the command line. */
export function options(argv = process.argv.slice(2)) {
  const small = argv.includes('--small');
  const value = (flag) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : null; };
  const rounds = Number(value('--rounds') || (small ? 2 : 5));
  const only = value('--only')?.split(',') ?? null;
  return { small, mode: small ? 'small' : 'full', rounds, only, wants: (phase) => !only || only.includes(phase) };
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const mbps = (bytes, ms) => (ms > 0 ? bytes / MB / (ms / 1000) : null);
export const fixed = (x, d = 1) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(d));
/** Bytes as MB (10^6), as issue 9 quotes memory. */
export const mib = (bytes) => (bytes == null ? '–' : `${(bytes / MB).toFixed(0)} MB`);

/** Prints rows of cells as an aligned table (first column left, the rest right). */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '–')));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/**
 * The site the browser bench loads, under target/bench-site/: the bench page, PapaParse and
 * uDSV from benches/node_modules, the real page (www/, built by scripts/build.sh) and the
 * inputs, all as links, so nothing is copied.
 */
export function site() {
  const dir = join(target, 'bench-site');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'vendor'), { recursive: true });
  const link = (from, to) => {
    if (!existsSync(from)) throw new Error(`${from} is missing (${from.includes('node_modules') ? 'npm ci in benches/' : 'scripts/build.sh'} first)`);
    symlinkSync(from, join(dir, to));
  };
  for (const f of ['index.html', 'bench.mjs', 'aggregate.mjs']) link(join(here, 'page', f), f);
  link(join(here, 'node_modules', 'papaparse', 'papaparse.min.js'), 'vendor/papaparse.min.js');
  link(join(here, 'node_modules', 'udsv', 'dist', 'uDSV.mjs'), 'vendor/udsv.mjs');
  link(join(root, 'www'), 'www');
  if (!existsSync(join(root, 'www', 'pkg', 'full', 'social_roi_bg.wasm'))) throw new Error('www/pkg is missing: run scripts/build.sh first');
  link(inputsDir, 'inputs');
  return dir;
}

/** Starts the repo's own server (`serve DIR 0`) and resolves to `{ url, stop }`. */
export function startServer(dir) {
  const bin = process.env.SERVE_BIN || join(target, 'release', 'examples', 'serve');
  const child = spawn(bin, [dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
  });
}

/** Debian's Chromium, headless, with gc() and precise heap sizes for the measurements. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}
