// Runs the in-browser verification off the page's thread: receives the record file's bytes, posts progress and the result.
import { verifyRecord } from './verifier.js';

let lastPost = 0;

self.onmessage = async (event) => {
    const { id, bytes } = event.data;
    const started = performance.now();
    const progress = (step, done, total) => {
        const now = performance.now();
        if (done !== total && total > 0 && now - lastPost < 100) return;
        lastPost = now;
        self.postMessage({ id, type: 'progress', step, done, total });
    };
    try {
        const result = await verifyRecord(new Uint8Array(bytes), progress);
        self.postMessage({ id, type: 'result', ...result, ms: Math.round(performance.now() - started) });
    } catch (e) {
        self.postMessage({ id, type: 'error', message: String(e && e.message ? e.message : e) });
    }
};
