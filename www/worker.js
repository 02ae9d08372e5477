// The module worker the page runs the full core in (started by worker-client.js): the
// engine (engine.js) with the full WebAssembly bundle, talking to the page by messages.

import { loadFullCore } from './full-core.js';
import { Engine } from './engine.js';

const engine = new Engine((msg, transfer) => self.postMessage(msg, transfer || []), { load: () => loadFullCore() });
self.addEventListener('message', (e) => engine.receive(e.data));
engine.start();
