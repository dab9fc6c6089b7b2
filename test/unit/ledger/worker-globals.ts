// dexie-export-import reads `self` when it loads, as browsers and workers define it; Node does not.
(globalThis as { self?: unknown }).self ??= globalThis;
