// SHA-256 through WebCrypto (crypto.subtle.digest), draw-spec §2.1: hex is lowercase.
const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hex(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
    return out;
}

export async function sha256Hex(textOrBytes) {
    const data = typeof textOrBytes === 'string' ? encoder.encode(textOrBytes) : textOrBytes;
    return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

/** Digests of many ASCII messages, `batch` calls in flight at a time; `done(count)` after each batch. */
export async function sha256HexAll(messages, batch = 4096, done = () => {}) {
    const out = new Array(messages.length);
    for (let start = 0; start < messages.length; start += batch) {
        const end = Math.min(messages.length, start + batch);
        const pending = [];
        for (let i = start; i < end; i++) pending.push(crypto.subtle.digest('SHA-256', encoder.encode(messages[i])));
        const digests = await Promise.all(pending);
        for (let i = start; i < end; i++) out[i] = hex(new Uint8Array(digests[i - start]));
        done(end);
    }
    return out;
}

/**
 * Hashes messages that share an ASCII prefix (the seed and a tag) written once into a reusable buffer: WebCrypto
 * copies the bytes when digest() is called, so each message is written over the previous one.
 */
export class PrefixHasher {
    constructor(prefix) {
        this.buffer = new Uint8Array(prefix.length + 256);
        for (let i = 0; i < prefix.length; i++) this.buffer[i] = prefix.charCodeAt(i);
        this.prefix = prefix.length;
    }

    /** Starts SHA-256(prefix + tail) for an ASCII tail; resolves to the ArrayBuffer digest. */
    digest(tail) {
        const b = this.buffer;
        let n = this.prefix;
        for (let i = 0; i < tail.length; i++) b[n++] = tail.charCodeAt(i);
        return crypto.subtle.digest('SHA-256', b.subarray(0, n));
    }
}
