// The module worker the page runs the full core in (started by worker-client.js): the
// engine (engine.js) with the full WebAssembly bundle, talking to the page by messages.

import { loadFullCore, loadSheets } from './full-core.js';
import { Engine } from './engine.js';

// The worker's name says what to load: the full core (`full`), or the full core and the
// spreadsheet module beside it (`sheets`: see full-core.js).
const bundle = self.name === 'sheets' ? 'sheets' : 'full';
const engine = new Engine((msg, transfer) => self.postMessage(msg, transfer || []), { load: () => loadFullCore(false, bundle), sheets: loadSheets });
self.addEventListener('message', (e) => engine.receive(e.data));
engine.start();
