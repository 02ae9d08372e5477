// "Remember on this device", opt-in: the report file (the same JSON "Save report" writes:
// inputs, options, branding, notes and figures, never an export) kept in this browser's
// IndexedDB while the box is ticked, restored when the Report tab opens, deleted by "Forget on
// this device". Nothing is written, and no database is created, unless the box is ticked. A
// page that has no IndexedDB (a blog's sandboxed embed, a private window that refuses it) says
// so beside the box instead of failing.

const DB = 'social-roi-report';
const STORE = 'reports';
const KEY = 'current';

/** The browser's IndexedDB, or null where the page may not use it. */
function idb() {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null; // a sandboxed frame throws on the mere access
  }
}

function request(r) {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}

async function open(db) {
  const r = db.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

async function withStore(mode, fn) {
  const db = idb();
  if (!db) throw new Error('no IndexedDB');
  const conn = await open(db);
  try {
    const tx = conn.transaction(STORE, mode);
    const out = await request(fn(tx.objectStore(STORE)));
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
    return out;
  } finally {
    conn.close();
  }
}

/** Whether this page can keep a report on this device. */
export function available() {
  return !!idb();
}

/** The report file kept on this device, or null (without creating the database when there is none). */
export async function recall() {
  const db = idb();
  if (!db) return null;
  try {
    if (typeof db.databases === 'function' && !(await db.databases()).some((d) => d.name === DB)) return null;
    return (await withStore('readonly', (s) => s.get(KEY))) ?? null;
  } catch {
    return null;
  }
}

/** Keeps `file` (the report file's text) on this device; rejects with the browser's reason. */
export function remember(text) {
  return withStore('readwrite', (s) => s.put(text, KEY));
}

/** Deletes what this page kept on this device: the whole database. */
export async function forget() {
  const db = idb();
  if (!db) return;
  await request(db.deleteDatabase(DB));
}
