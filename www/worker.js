// The module worker the page runs the full core in (started by worker-client.js): the
// engine (engine.js) with the full WebAssembly bundle, talking to the page by messages.

import { loadFullCore } from './full-core.js';
import { Engine } from './engine.js';

// The worker's name says which build of the core to load (`full`, or `sheets` with the
// spreadsheet readers: see full-core.js).
const bundle = self.name === 'sheets' ? 'sheets' : 'full';
const engine = new Engine((msg, transfer) => self.postMessage(msg, transfer || []), { load: () => loadFullCore(false, bundle) });
self.addEventListener('message', (e) => engine.receive(e.data));
engine.start();
