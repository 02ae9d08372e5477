// Large and hostile inputs the browser tests make at run time (nothing big is committed): an X
// tweet_activity export of any size, deterministic, in the 40-column layout with quoted text,
// doubled quotes, line breaks inside fields and emoji; and small zip files built from the
// fixtures (an ODS cut short, an XLSX that declares a huge sheet).
import { deflateRawSync, inflateRawSync, crc32 } from 'node:zlib';

const X_HEADER = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements', 'engagement rate',
  'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands',
  'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet', 'dial phone', 'media views',
  'media engagements', 'promoted impressions', 'promoted engagements', 'promoted engagement rate',
  'promoted retweets', 'promoted replies', 'promoted likes', 'promoted user profile clicks', 'promoted url clicks',
  'promoted hashtag clicks', 'promoted detail expands', 'promoted permalink clicks', 'promoted app opens',
  'promoted app installs', 'promoted follows', 'promoted email tweet', 'promoted dial phone',
  'promoted media views', 'promoted media engagements'];

const TEXTS = [
  'Le four est chaud, premières baguettes à 7 h 🥖',
  'Fournée du samedi : « pain de campagne » et ""tradition""',
  'Nouvelle recette 🍓🥐\nà goûter dès demain',
  '+33 1 23 45 67 89 : réservez vos galettes',
  'Merci pour vos 1 000 abonnés ! 🎉 #boulangerie',
];

/** A small deterministic generator (a linear congruential one): the same file every run. */
function random(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const quote = (v) => `"${v}"`;

/**
 * An X tweet_activity export of about `bytes` bytes (rows of about 330 bytes), as a Buffer;
 * `rows` says how many rows it holds.
 */
export function xExport(bytes) {
  const rand = random(9);
  const parts = [`${X_HEADER.map(quote).join(',')}\n`];
  let size = parts[0].length;
  let rows = 0;
  const dash = Array(18).fill('"-"').join(',');
  while (size < bytes) {
    rows += 1;
    // 19…: apart from the fixtures' 18… ids (the same id is the same post, counted once).
    const id = `19${String(rows).padStart(17, '0')}`;
    const day = 1 + (rows % 28);
    const month = 1 + (Math.floor(rows / 28) % 12);
    const impressions = 100 + rand(5000);
    const likes = rand(200);
    const replies = rand(20);
    const retweets = rand(30);
    const engagements = likes + replies + retweets + rand(50);
    const text = `${TEXTS[rows % TEXTS.length]} n°${rows}`;
    const line = [
      quote(id), quote(`https://twitter.com/boulangerie/status/${id}`), quote(text),
      quote(`2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(7 + (rows % 12)).padStart(2, '0')}:30 +0000`),
      quote(`${impressions}.0`), quote(`${engagements}.0`), quote(String(engagements / impressions)),
      quote(`${retweets}.0`), quote(`${replies}.0`), quote(`${likes}.0`), quote(`${rand(9)}.0`), quote(`${rand(9)}.0`),
      quote(`${rand(3)}.0`), quote(`${rand(9)}.0`), '"0"', '"0"', '"0"', '"0"', '"0"', '"0"', quote(String(rand(40))), '"0"', dash,
    ].join(',');
    parts.push(line, '\n');
    size += Buffer.byteLength(line) + 1;
  }
  return { buffer: Buffer.from(parts.join('')), rows };
}

/** The entries of a zip file: `[{ name, data }]` (stored or deflated; CRCs are not checked). */
export function readZip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    const method = buffer.readUInt16LE(at + 10);
    const packed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + packed);
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A zip file of `entries` (`[{ name, data }]`), deflated but for `mimetype` (as ODF wants). */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const stored = name === 'mimetype';
    const packed = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(stored ? 0 : 8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The ODS `ods` with its content.xml cut right after the first `</table:table-row>`. */
export function cutOds(ods) {
  return writeZip(readZip(ods).map(({ name, data }) => {
    if (name !== 'content.xml') return { name, data };
    const text = data.toString('utf8');
    const end = text.indexOf('</table:table-row>') + '</table:table-row>'.length;
    return { name, data: Buffer.from(text.slice(0, end)) };
  }));
}

/**
 * The XLSX `xlsx` with one more cell in its first sheet, at `XFD1048576` (the last cell a
 * sheet can have), its attributes in the order the size guard once missed: a reader that
 * trusts it asks for a grid of 17 billion cells.
 */
export function bombXlsx(xlsx) {
  return writeZip(readZip(xlsx).map(({ name, data }) => {
    if (name !== 'xl/worksheets/sheet1.xml') return { name, data };
    const text = data.toString('utf8').replace('</sheetData>', '<row r="1048576"><c t="n" r="XFD1048576"><v>1</v></c></row></sheetData>');
    return { name, data: Buffer.from(text) };
  }));
}
