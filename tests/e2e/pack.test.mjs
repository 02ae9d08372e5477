// The npm package: `npm pack` on the project, the tarball installed into an empty project as a
// user with a bundler would, and the installed element served and run: the ROI computed with the
// lite bundle, an export read with the full one, both from the package's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, openPage, root, startServer } from './harness.mjs';

const dir = join(artifacts, 'pack');
let browser;

before(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'app'), { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('npm pack gives a package with the element, its loader and both bundles, which works once installed', async () => {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root));
  const files = packed.files.map((f) => f.path);
  for (const f of ['package.json', 'www/social-roi.js', 'www/core.js', 'www/worker.js', 'www/pkg/lite/social_roi.js', 'www/pkg/lite/social_roi_bg.wasm',
    'www/pkg/full/social_roi.js', 'www/pkg/full/social_roi_bg.wasm', 'www/pkg/sheets/sheets.js', 'www/pkg/sheets/sheets_bg.wasm', 'www/social-roi.html', 'docs/embed.md']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.ok(!files.some((f) => /^(src|tests|crates|target|node_modules)\//.test(f)), files.join(' '));
  console.log(`# ${packed.filename}: ${packed.size} bytes packed, ${packed.entryCount} files`);

  // Installed into an empty project, from the tarball alone (no registry).
  const app = join(dir, 'app');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'blog', private: true, type: 'module' }));
  npm(['install', '--offline', '--ignore-scripts', join(dir, packed.filename)], app);
  const installed = join(app, 'node_modules', 'social-roi');
  const meta = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(meta.exports['.'], './www/social-roi.js');
  // What a bundler resolves `import 'social-roi'` to, from the app.
  const resolved = execFileSync('node', ['--input-type=module', '-e', "console.log(import.meta.resolve('social-roi'))"], { cwd: app, encoding: 'utf8' }).trim();
  assert.match(resolved, /node_modules\/social-roi\/www\/social-roi\.js$/);

  // The installed files, served as a site serves its assets: the element works.
  writeFileSync(join(installed, 'www', 'blog.html'), '<!doctype html><meta charset="utf-8"><title>blog</title><link rel="icon" href="data:,"><script type="module" src="./social-roi.js"></script><social-roi lang="en" currency="USD"></social-roi>');
  const server = await startServer(join(installed, 'www'));
  try {
    const { context, page, problems } = await openPage(browser, server.url);
    await page.goto(`${server.url}blog.html`);
    await page.locator('[data-id="total_cost"] .sr-card-value').waitFor();
    assert.equal(await page.locator('[data-id="total_cost"] .sr-card-value').getAttribute('data-value'), '3099');
    await page.locator('button[data-tab="files"]').click();
    await page.locator('input[data-control="files"]').setInputFiles(join(root, 'tests', 'fixtures', 'analysis', 'facebook_page_2026-06.csv'));
    await page.locator('article.sr-file [data-status="ok"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    server.stop();
  }
});
