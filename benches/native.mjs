// The native side of the benchmark, on the same generated inputs as the browser's:
//   1. the command line reads each export without an error and finds the generator's figures
//      (`social-roi analyze FILE`: posts and the sum of every mapped metric);
//   2. `examples/bench_import` (import and raw scan MB/s; and once its older synthetic files,
//      `bench_import 30`) and `examples/bench_analysis`
//      (analysis and preset switches), interleaved rounds, medians;
//   3. `social-roi draw --seed ... FILE` on each comment export under `/usr/bin/time -v`
//      (wall time and maximum resident set), its counts checked against the manifest.
// Usage: node benches/native.mjs [--small] [--rounds N] [--only checks,import,analysis,draw]
// Needs the release builds (scripts/bench.sh makes them). Writes
// target/bench-results/native-{full,small}.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, inputsDir, manifest, median, mib, options, resultsDir, table, target } from './lib.mjs';

const opts = options();
const problems = [];
const fail = (what) => { problems.push(what); console.error(`CHECK FAILED: ${what}`); };
const bin = (name) => join(target, 'release', name);
const example = (name) => join(target, 'release', 'examples', name);

function run(cmd, args, { stdout } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', stdout ? 'pipe' : 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return r;
}

/** The CLI's text summary: `Label: SUM (known for N)` lines of the dataset, by label. */
const CLI_LABELS = {
  x: { Impressions: 'impressions', 'Engagements (platform total)': 'engagements', 'Likes or reactions': 'likes', Comments: 'replies', 'Shares or reposts': 'retweets', 'Link clicks': 'url clicks', 'Profile visits': 'user profile clicks', 'New follows': 'follows', 'Video views': 'media views' },
  meta: { Views: 'views', Reach: 'reach', 'Engagements (platform total)': 'reactions, comments and shares', 'Likes or reactions': 'reactions', Comments: 'comments', 'Shares or reposts': 'shares', Clicks: 'total clicks' },
};

function checks(files) {
  const rows = [];
  for (const f of files) {
    const path = join(inputsDir, f.name);
    const t = Date.now();
    const r = run(bin('social-roi'), ['analyze', path]);
    const secs = (Date.now() - t) / 1000;
    const out = r.stdout;
    if (r.status !== 0) fail(`social-roi analyze ${f.name}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
    const read = /(\d+) rows read, (\d+) imported/.exec(out);
    if (!read || Number(read[1]) !== f.rows || Number(read[2]) !== f.rows) fail(`social-roi analyze ${f.name}: "${read?.[0]}", expected ${f.rows} rows read and imported`);
    if (/error/i.test(out.split('\nDataset')[0])) fail(`social-roi analyze ${f.name}: the file report mentions an error`);
    const sums = Object.fromEntries(Object.entries(f.sums).map(([k, v]) => [k.toLowerCase(), v]));
    let matched = 0;
    for (const [label, key] of Object.entries(CLI_LABELS[f.kind])) {
      const m = new RegExp(`^    ${label.replace(/[()]/g, '\\$&')}: (\\d+) \\(known for (\\d+)\\)`, 'm').exec(out);
      if (!m || Number(m[1]) !== sums[key]) fail(`social-roi analyze ${f.name}: ${label} ${m?.[1]}, expected ${sums[key]}`);
      else matched += 1;
    }
    rows.push([f.name, f.rows, `${matched}/${Object.keys(CLI_LABELS[f.kind]).length}`, fixed(secs, 1)]);
  }
  console.log('\nthe command line reads each export (social-roi analyze FILE): rows and sums against the generator');
  console.log(table(['file', 'posts', 'sums that match', 'seconds'], rows));
}

function jsonLine(stdout, what) {
  const line = stdout.split('\n').find((l) => l.startsWith('JSON '));
  if (!line) throw new Error(`${what} printed no JSON line:\n${stdout}`);
  return JSON.parse(line.slice(5));
}

function importBench(files) {
  const r = run(example('bench_import'), ['--rounds', String(opts.rounds), '--json', ...files.map((f) => join(inputsDir, f.name))]);
  if (r.status !== 0) throw new Error(`bench_import failed: ${r.stderr}`);
  process.stdout.write(`\n${r.stdout.split('\n').filter((l) => !l.startsWith('JSON ')).join('\n')}`);
  const res = jsonLine(r.stdout, 'bench_import');
  for (const x of res.files) {
    const f = files.find((g) => g.name === x.name);
    if (x.rows !== f.rows || x.records !== f.rows || x.scanned !== f.rows + 1) fail(`bench_import ${x.name}: ${x.rows} rows, ${x.records} records, ${x.scanned} scanned; expected ${f.rows}`);
    x.mbps = x.bytes / 1e6 / x.import_s;
    x.scan_mbps = x.bytes / 1e6 / x.scan_s;
  }
  return res;
}

/** The older synthetic mode (`bench_import 30`), one run, for continuity with issue 9's figures. */
function syntheticBench() {
  const megabytes = opts.small ? 5 : 30;
  const r = run(example('bench_import'), [String(megabytes)]);
  if (r.status !== 0) throw new Error(`bench_import ${megabytes} failed: ${r.stderr}`);
  process.stdout.write(`\n${r.stdout}`);
  const rows = [...r.stdout.matchAll(/^(.+?)\s+([\d.]+) MB .* ([\d.]+) MB\/s$/gm)].map((m) => ({ label: m[1].trim(), mb: Number(m[2]), mbps: Number(m[3]) }));
  return { megabytes, rows };
}

function analysisBench(files) {
  const r = run(example('bench_analysis'), ['--rounds', String(opts.rounds), '--json', ...files.map((f) => join(inputsDir, f.name))]);
  if (r.status !== 0) throw new Error(`bench_analysis failed: ${r.stderr}`);
  process.stdout.write(`\n${r.stdout.split('\n').filter((l) => !l.startsWith('JSON ')).join('\n')}`);
  return jsonLine(r.stdout, 'bench_analysis');
}

/** `/usr/bin/time -v` figures: wall seconds and maximum resident set in bytes. */
function timeV(stderr) {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const secs = wall ? Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : null;
  return { secs, rss: rss ? Number(rss[1]) * 1024 : null };
}

function drawBench(files) {
  if (!existsSync('/usr/bin/time')) {
    console.log('\n/usr/bin/time is missing (apt-get install time): no native draw timings');
    return null;
  }
  const out = [];
  for (const f of files) {
    const rounds = f.rows >= 1_000_000 ? Math.min(opts.rounds, 3) : opts.rounds;
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      const r = run('/usr/bin/time', ['-v', bin('social-roi'), 'draw', '--seed', 'benchmark', '--at', '2026-12-01T12:00:00Z', join(inputsDir, f.name)]);
      if (r.status !== 0) fail(`social-roi draw ${f.name}: exit ${r.status}: ${r.stderr.slice(-500)}`);
      const counts = /^(\d+) entries: (\d+) counted, (\d+) left out; (\d+) people, (\d+) tickets/m.exec(r.stdout);
      if (!counts || Number(counts[1]) !== f.entries || Number(counts[4]) !== f.entrants) fail(`social-roi draw ${f.name}: "${counts?.[0]}", expected ${f.entries} entries and ${f.entrants} people`);
      runs.push({ ...timeV(r.stderr), stdoutBytes: r.stdout.length });
      process.stderr.write(`  ${f.label}: draw ${i + 1}/${rounds}\n`);
    }
    out.push({ input: f.label, name: f.name, rows: f.rows, rounds, secs: median(runs.map((r) => r.secs)), rss: Math.max(...runs.map((r) => r.rss)), all: runs.map((r) => r.secs) });
  }
  console.log('\nnative draw: social-roi draw --seed benchmark FILE (text output), /usr/bin/time -v, medians');
  console.log(table(['comments', 'rounds', 'wall s', 'max RSS'], out.map((d) => [d.input, d.rounds, fixed(d.secs, 2), mib(d.rss)])));
  return out;
}

function main() {
  const m = manifest(opts.mode);
  const exports = m.files.filter((f) => f.kind !== 'comments');
  const comments = m.files.filter((f) => f.kind === 'comments');
  for (const b of [bin('social-roi'), example('bench_import'), example('bench_analysis')]) {
    if (!existsSync(b)) throw new Error(`${b} is missing: cargo build --release -p social-roi-cli --examples`);
  }
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  const results = { mode: opts.mode, rounds: opts.rounds, loadBefore: load(), started: new Date().toISOString() };
  if (opts.wants('checks')) checks(exports);
  if (opts.wants('import')) {
    results.import = importBench(exports);
    results.synthetic = syntheticBench();
  }
  if (opts.wants('analysis')) results.analysis = analysisBench(exports);
  if (opts.wants('draw')) results.draws = drawBench(comments);
  results.loadAfter = load();
  results.problems = problems;
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `native-${opts.mode}.json`);
  // With --only, the phases not run keep the figures of the last run.
  const kept = opts.only && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  writeFileSync(path, JSON.stringify({ ...kept, ...results }, null, 1) + '\n');
  console.log(`\nresults: ${path}`);
  if (problems.length) {
    console.error(`${problems.length} check(s) failed`);
    process.exit(1);
  }
}

main();
