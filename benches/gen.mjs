// The benchmark's inputs, generated deterministically (a seeded PRNG over 32-bit integer
// arithmetic and spec-defined number formatting: the same bytes on every run and machine):
//   - X's old "tweet activity" export: 40 columns, every field quoted, tweet text with line
//     breaks, `""` escapes, `&amp;` and emoji, 19-digit ids, `2021-11-30 16:00 +0000` times,
//     `-` in the promoted columns;
//   - a Meta Business Suite Facebook posts export as French Excel saves it: UTF-8 BOM, `;`
//     delimiter, decimal commas;
//   - ExportComments-style comment exports (`Id,SubId,Name (click to view profile),Date,Likes,
//     Comment,Link`, dates `dd.MM.yy HH:mm:ss`) where people comment several times, tag friends
//     and reply.
// Usage: node benches/gen.mjs [--small] [--out DIR]   (DIR defaults to target/bench-inputs)
// Writes DIR/manifest.json: each file's size, SHA-256, and the figures a correct reader must
// find (rows, sums per metric, people), which benches/check.mjs and the page bench compare
// against. Files already there with the recorded hash (and made by this same generator) are
// reused, not rewritten.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPECS } from './page/aggregate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const MB = 1_000_000;

/** The inputs of each mode: X files are prefixes of one stream, made in one pass. */
export const PLANS = {
  full: {
    x: [10, 50, 100].map((mb) => ({ name: `x-tweet-activity-${mb}mb.csv`, bytes: mb * MB, label: `X ${mb} MB` })),
    meta: [{ name: 'meta-facebook-posts-fr-50mb.csv', bytes: 50 * MB, label: 'Meta ; 50 MB' }],
    comments: [
      { name: 'exportcomments-100k.csv', rows: 100_000, label: '100k comments' },
      { name: 'exportcomments-1m.csv', rows: 1_000_000, label: '1M comments' },
    ],
  },
  small: {
    x: [{ name: 'x-tweet-activity-1mb.csv', bytes: 1 * MB, label: 'X 1 MB' }],
    meta: [{ name: 'meta-facebook-posts-fr-1mb.csv', bytes: 1 * MB, label: 'Meta ; 1 MB' }],
    comments: [{ name: 'exportcomments-10k.csv', rows: 10_000, label: '10k comments' }],
  },
};

// --- the random source ------------------------------------------------------------------

/** mulberry32: a 32-bit generator, fully determined by its seed. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (n) => next() % n; // n < 2^32; the bias is irrelevant here
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p * 4294967296;
  /** A skewed count: most small, a long tail (0 .. max). */
  const skewed = (max, power = 3) => Math.floor(max * (next() / 4294967296) ** power);
  return { next, int, pick, chance, skewed };
}

// --- a file being written, its size and hash kept as it goes -----------------------------

class Out {
  constructor(path) {
    this.path = path;
    this.tmp = `${path}.part`;
    this.fd = openSync(this.tmp, 'w');
    this.hash = createHash('sha256');
    this.bytes = 0;
    this.lines = 0;
    this.parts = [];
    this.pending = 0;
  }

  write(text) {
    this.parts.push(text);
    this.pending += text.length;
    this.bytes += Buffer.byteLength(text);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines += 1;
    if (this.pending > 1 << 20) this.flush();
  }

  flush() {
    const buf = Buffer.from(this.parts.join(''));
    this.hash.update(buf);
    writeSync(this.fd, buf);
    this.parts = [];
    this.pending = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
    return this.hash.digest('hex');
  }
}

// --- words ------------------------------------------------------------------------------

const WORDS = ('the new release is out today with faster imports and better charts for your data ' +
  'we thank everyone who came to the workshop slides are online now join us next week ' +
  'nouvelle version disponible merci à toutes et à tous pour vos retours rendez-vous demain ' +
  'à la boulangerie pain au levain croissants chauds été hiver recette vidéo équipe ' +
  'open source community analytics report dashboard growth engagement followers thread ' +
  'café crème brûlée déjà très bientôt où ça ici là-bas première édition spéciale').split(' ');
const HASHTAGS = ['#rstats', '#opendata', '#python', '#DataViz', '#boulangerie', '#RGPD', '#été2021', '#Paris', '#CM', '#giveaway'];
const EMOJI = ['😀', '🎉', '🚀', '❤️', '👍🏽', '🥖', '🇫🇷', '👨‍👩‍👧', '✨', '🔥', '📊', '☕'];
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function shortUrl(r) {
  let s = 'https://t.co/';
  for (let i = 0; i < 10; i++) s += B62[r.int(62)];
  return s;
}

/** Tweet-like text: words, hashtags, mentions, links, emoji, `&amp;`, quotes, line breaks. */
function sentence(r, maxLen, { mentions = [] } = {}) {
  const target = 20 + r.int(maxLen - 20);
  let s = '';
  while (s.length < target) {
    const k = r.int(100);
    let w;
    if (k < 70) w = r.pick(WORDS);
    else if (k < 78) w = r.pick(HASHTAGS);
    else if (k < 84) w = r.pick(EMOJI);
    else if (k < 88) w = shortUrl(r);
    else if (k < 91) w = mentions.length ? r.pick(mentions) : '@' + r.pick(WORDS);
    else if (k < 94) w = `"${r.pick(WORDS)}"`;
    else if (k < 96) w = '&amp;';
    else if (k < 98) w = r.pick(WORDS) + ',';
    else w = r.pick(WORDS) + '\n';
    s += (s && !s.endsWith('\n') ? ' ' : '') + w;
  }
  return s.trim();
}

const quoted = (s) => `"${s.replaceAll('"', '""')}"`;
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A UTC date and time from epoch minutes: [y, m, d, hh, mm]. */
function utc(minutes) {
  const d = new Date(minutes * 60_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}

// --- X tweet activity -------------------------------------------------------------------

const X_HEADER = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements', 'engagement rate',
  'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands',
  'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet', 'dial phone', 'media views',
  'media engagements', 'promoted impressions', 'promoted engagements', 'promoted engagement rate',
  'promoted retweets', 'promoted replies', 'promoted likes', 'promoted user profile clicks', 'promoted url clicks',
  'promoted hashtag clicks', 'promoted detail expands', 'promoted permalink clicks', 'promoted app opens',
  'promoted app installs', 'promoted follows', 'promoted email tweet', 'promoted dial phone',
  'promoted media views', 'promoted media engagements'];
/** The metrics our X reader maps (and the JS baselines sum), by lower-case column name. */
const X_SUMS = SPECS.x.metrics;
const PROMOTED = Array(18).fill('"-"').join(',');

function xFiles(plans, dir) {
  const r = rng(0x5eed0001);
  const outs = plans.map((p) => ({ plan: p, out: new Out(join(dir, p.name)), rows: 0, sums: Object.fromEntries(X_SUMS.map((k) => [k, 0])), days: new Set() }));
  const header = X_HEADER.map(quoted).join(',') + '\n';
  for (const o of outs) o.out.write(header);
  // Newest first, as X lists them: from the last minute of 2021 backwards.
  let minute = Date.UTC(2021, 11, 31, 23, 59) / 60_000;
  let open = outs.slice();
  while (open.length) {
    minute -= 1 + r.int(5);
    const [y, mo, d, hh, mm] = utc(minute);
    const ms = BigInt(minute) * 60_000n + BigInt(r.int(60_000));
    const id = ((ms - 1288834974657n) << 22n) | BigInt(r.int(1 << 22));
    const impressions = 20 + r.skewed(60_000, 4) + r.int(400);
    const m = {
      retweets: r.skewed(impressions / 60), replies: r.skewed(impressions / 150), likes: r.skewed(impressions / 25),
      'user profile clicks': r.skewed(impressions / 120), 'url clicks': r.skewed(impressions / 50),
      'hashtag clicks': r.skewed(impressions / 400), 'detail expands': r.skewed(impressions / 40),
      'permalink clicks': r.skewed(impressions / 500), 'app opens': 0, 'app installs': 0,
      follows: r.skewed(4), 'email tweet': 0, 'dial phone': 0,
    };
    const media = r.chance(0.3);
    m['media views'] = media ? r.skewed(impressions / 3) : 0;
    m['media engagements'] = media ? r.skewed(impressions / 30) : 0;
    const engagements = Object.entries(m).reduce((s, [k, v]) => (k === 'media views' ? s : s + v), 0);
    m.impressions = impressions;
    m.engagements = engagements;
    const dotted = (v) => `"${v}.0"`;
    const plain = (v) => `"${v}"`;
    const row = [
      `"${id}"`, `"https://twitter.com/acme_data/status/${id}"`, quoted(sentence(r, 280)),
      `"${y}-${pad(mo)}-${pad(d)} ${pad(hh)}:${pad(mm)} +0000"`,
      dotted(impressions), dotted(engagements), `"${engagements / impressions}"`,
      dotted(m.retweets), dotted(m.replies), dotted(m.likes), dotted(m['user profile clicks']), dotted(m['url clicks']),
      dotted(m['hashtag clicks']), dotted(m['detail expands']), dotted(m['permalink clicks']),
      plain(0), plain(0), plain(m.follows), plain(0), plain(0), plain(m['media views']), plain(m['media engagements']),
      PROMOTED,
    ].join(',') + '\n';
    for (const o of open) {
      o.out.write(row);
      o.rows += 1;
      for (const k of X_SUMS) o.sums[k] += m[k];
      o.days.add(`${y}-${pad(mo)}-${pad(d)}`);
    }
    open = open.filter((o) => o.out.bytes < o.plan.bytes);
  }
  return outs.map((o) => ({ ...o.plan, kind: 'x', delimiter: ',', bytes: o.out.bytes, lines: o.out.lines, sha256: o.out.close(), rows: o.rows, days: o.days.size, sums: o.sums }));
}

// --- Meta Business Suite, French Excel --------------------------------------------------

const META_HEADER = '"Post ID";"Page ID";"Page name";Title;Description;"Duration (sec)";"Publish time";"Caption type";Permalink;"Is crosspost";"Is share";"Post type";Languages;"Custom labels";"Funded content status";"Data comment";Date;Views;Reach;"Reactions, Comments and Shares";Reactions;Comments;Shares;"Total clicks";"Other Clicks";"Matched Audience Targeting Consumption (Photo Click)"';
/** The metrics our Meta reader maps (and the JS baselines sum), by lower-case column name. */
const META_SUMS = SPECS.meta.metrics;

/** A French Excel cell: quoted only when it must be. */
const excel = (s) => (/[;"\n\r]/.test(s) ? quoted(s) : s);

function metaFile(plan, dir) {
  const r = rng(0x5eed0002);
  const out = new Out(join(dir, plan.name));
  const sums = Object.fromEntries(META_SUMS.map((k) => [k, 0]));
  const known = Object.fromEntries(META_SUMS.map((k) => [k, 0]));
  const days = new Set();
  let rows = 0;
  out.write('\ufeff' + META_HEADER + '\r\n');
  const page = '104512345678901';
  let minute = Date.UTC(2026, 6, 25, 21, 0) / 60_000;
  let post = 1234567890123456;
  while (out.bytes < plan.bytes) {
    minute -= 5 + r.int(55);
    post -= 1 + r.int(40);
    const [y, mo, d, hh, mm] = utc(minute);
    const kind = r.pick(['Photos', 'Photos', 'Reels', 'Links', 'Videos', 'Text']);
    const video = kind === 'Reels' || kind === 'Videos';
    const views = 100 + r.skewed(80_000, 4);
    const reach = r.chance(0.9) ? Math.floor(views * (0.5 + r.int(50) / 100)) : null;
    const reactions = r.skewed(views / 20);
    const comments = r.skewed(views / 200);
    const shares = r.skewed(views / 300);
    const clicks = kind === 'Text' ? null : r.skewed(views / 30);
    const m = { views, reach, 'reactions, comments and shares': reactions + comments + shares, reactions, comments, shares, 'total clicks': clicks };
    const duration = video ? `${5 + r.int(170)},${r.int(10)}` : '';
    const description = sentence(r, 400, { mentions: ['@Boulangerie Martin', '@Mairie de Lyon'] }).replaceAll('&amp;', '&');
    const link = kind === 'Reels' ? `https://www.facebook.com/reel/${post}` : `https://www.facebook.com/${page}/posts/${post}`;
    const num = (v) => (v == null ? '' : String(v));
    const row = [
      `${page}_${post}`, page, '"Boulangerie Martin"', r.chance(0.2) ? excel(r.pick(WORDS)) : '', excel(description),
      duration, `"${pad(mo)}/${pad(d)}/${y} ${pad(hh)}:${pad(mm)}"`, '', link, 'No', 'No', kind, '', '', '', '',
      'Lifetime', num(views), num(reach), num(m['reactions, comments and shares']), num(reactions), num(comments),
      num(shares), num(clicks), clicks == null ? '' : num(Math.floor(clicks / 2)), kind === 'Photos' ? num(r.skewed(50)) : '',
    ].join(';') + '\r\n';
    out.write(row);
    rows += 1;
    days.add(`${y}-${pad(mo)}-${pad(d)}`);
    for (const k of META_SUMS) {
      if (m[k] != null) { sums[k] += m[k]; known[k] += 1; }
    }
  }
  return { ...plan, kind: 'meta', delimiter: ';', bytes: out.bytes, lines: out.lines, sha256: out.close(), rows, days: days.size, sums, known };
}

// --- ExportComments ---------------------------------------------------------------------

const FIRST = ['lea', 'hugo', 'chloe', 'lucas', 'manon', 'nathan', 'camille', 'louis', 'ines', 'jules', 'sarah', 'adam',
  'emma', 'gabriel', 'alice', 'arthur', 'zoe', 'paul', 'lina', 'noah', 'mia', 'tom', 'jade', 'sacha', 'eva', 'leo'];
const LAST = ['martin', 'bernard', 'dubois', 'thomas', 'robert', 'richard', 'petit', 'durand', 'leroy', 'moreau',
  'simon', 'laurent', 'lefebvre', 'michel', 'garcia', 'david', 'bertrand', 'roux', 'vincent', 'fournier'];
const CHEERS = ['Je participe !', 'Trop bien, je tente ma chance', 'Merci pour ce concours 😍', 'Go go go 🍀',
  'Avec plaisir', 'J\'adore ❤️', 'Partagé en story ✅', 'Croisons les doigts 🤞', 'Super idée, merci', 'Moi moi moi !'];

function commentsFile(plan, dir) {
  const r = rng(0x5eed0003 + plan.rows);
  const out = new Out(join(dir, plan.name));
  out.write('Id,SubId,Name (click to view profile),Date,Likes,Comment,Link\n');
  const names = [];
  const authors = new Int32Array(plan.rows);
  const topLevel = [];
  const seen = new Set();
  const entrants = new Set();
  let replies = 0;
  let anonymous = 0;
  // The contest runs a week: 2024-12-20 12:00 to 2024-12-27 12:00, comments in time order.
  const start = Date.UTC(2024, 11, 20, 12, 0, 0) / 1000;
  const span = 7 * 86_400;
  for (let i = 0; i < plan.rows; i++) {
    // A new person about one comment in four; else someone who already commented, picked as
    // a previous comment's author (those who comment a lot comment more).
    let who;
    if (i === 0 || r.chance(0.27)) {
      who = names.length;
      names.push(`${r.pick(FIRST)}${r.pick(['', '.', '_'])}${r.pick(LAST)}${r.chance(0.6) ? r.int(10_000) : ''}_${who.toString(36)}`);
    } else {
      who = authors[r.int(i)];
    }
    authors[i] = who;
    const blank = r.chance(0.001);
    const name = blank ? '' : `@${names[who]}`;
    if (blank) anonymous += 1; else seen.add(who);
    const [y, mo, d, hh, mm, ss] = utc((start + Math.floor((span * i) / plan.rows) + r.int(30)) / 60);
    const date = `${pad(d)}.${pad(mo)}.${String(y).slice(2)} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
    const reply = topLevel.length > 0 && r.chance(0.03);
    let parent = '';
    let text;
    if (reply) {
      const p = topLevel[topLevel.length - 1 - r.int(Math.min(topLevel.length, 50))];
      parent = String(p.id);
      text = `@${names[p.who]} ${r.pick(['merci !', 'bonne chance à toi aussi', 'on croise les doigts', 'trop cool 😀'])}`;
      replies += 1;
    } else {
      const tags = [];
      // Friends tagged: someone else who comments, or someone who never does.
      for (let k = r.int(4); k > 0; k--) {
        const other = names[r.int(names.length)];
        tags.push(r.chance(0.5) && other !== names[who] ? `@${other}` : `@${r.pick(FIRST)}_${r.pick(LAST)}${r.int(1000)}`);
      }
      text = `${r.pick(CHEERS)}${tags.length ? ' ' + tags.join(' ') : ''}`;
      if (r.chance(0.05)) text += `\n${sentence(r, 80)}`;
      else if (r.chance(0.05)) text += ` "${r.pick(WORDS)}", ${r.pick(WORDS)}`;
      topLevel.push({ id: i + 1, who });
      if (!blank) entrants.add(who);
    }
    const likes = r.skewed(30, 5);
    const link = blank ? '' : `https://www.instagram.com/${names[who]}/`;
    const cell = (s) => (/[,"\n\r]/.test(s) ? quoted(s) : s);
    out.write(`${i + 1},${parent},${name},${date},${likes},${cell(text)},${link}\n`);
  }
  return { ...plan, kind: 'comments', delimiter: ',', bytes: out.bytes, lines: out.lines, sha256: out.close(), rows: plan.rows, entries: plan.rows - anonymous, people: seen.size, entrants: entrants.size, replies, anonymous };
}

// --- the cache --------------------------------------------------------------------------

function fileHash(path) {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (d) => h.update(d)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
}

/** Whether every file of `manifest` is on disk with its recorded size and hash. */
async function intact(dir, manifest) {
  for (const f of manifest.files) {
    const path = join(dir, f.name);
    if (!existsSync(path) || statSync(path).size !== f.bytes) return false;
    // eslint-disable-next-line no-await-in-loop
    if ((await fileHash(path)) !== f.sha256) return false;
  }
  return true;
}

export async function generate({ small = false, dir }) {
  const mode = small ? 'small' : 'full';
  const plan = PLANS[mode];
  mkdirSync(dir, { recursive: true });
  // This file and the column lists it takes from the aggregation make the inputs.
  const generator = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(join(here, 'page', 'aggregate.mjs'))).digest('hex');
  const manifestPath = join(dir, `manifest-${mode}.json`);
  if (existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (old.generator === generator && (await intact(dir, old))) {
      console.error(`bench inputs (${mode}): reused from ${dir} (hashes checked)`);
      return old;
    }
  }
  const t0 = Date.now();
  const files = [
    ...xFiles(plan.x, dir),
    ...plan.meta.map((p) => metaFile(p, dir)),
    ...plan.comments.map((p) => commentsFile(p, dir)),
  ];
  const manifest = { mode, generator, files };
  const tmp = `${manifestPath}.part`;
  writeFileSync(tmp, JSON.stringify(manifest, null, 1) + '\n');
  renameSync(tmp, manifestPath);
  console.error(`bench inputs (${mode}): generated in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${dir}`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const small = args.includes('--small');
  const o = args.indexOf('--out');
  const dir = o >= 0 ? args[o + 1] : join(here, '..', 'target', 'bench-inputs');
  const manifest = await generate({ small, dir });
  for (const f of manifest.files) {
    console.log(`${f.name.padEnd(36)} ${(f.bytes / MB).toFixed(1).padStart(7)} MB ${String(f.rows).padStart(9)} rows  sha256 ${f.sha256.slice(0, 16)}`);
  }
}
