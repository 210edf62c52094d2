// The record file's first check, as SpotCheck.Draw.Record.RecordJsonScan: UTF-8 JSON holding one object, no property
// given twice, integers within ±(2^53 − 1) only, no lone surrogate. Returns { record } or { problem }.
const MALFORMED = 'record: malformed JSON';
const MAX_DEPTH = 64;
const MAX_SAFE = 9007199254740991n;

export function parseRecord(bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return { problem: MALFORMED };
    }
    let record;
    try {
        record = JSON.parse(text);
    } catch {
        return { problem: MALFORMED };
    }
    text = null;
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const problem = scan(bytes, start);
    if (problem === MALFORMED) return { problem };
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return { problem: 'record: must be a JSON object' };
    return problem ? { problem } : { record };
}

const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const hexValue = (b, i) => parseInt(String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3]), 16);

/** Walks the syntactically valid bytes in document order; the first problem, MALFORMED when nested too deep, or null. */
function scan(b, start) {
    const stack = [];
    let first = null;
    const note = (message) => { first ??= message; };
    const child = () => {
        const f = stack[stack.length - 1];
        if (f.isObject) return f.path === 'record' ? f.key : `${f.path}.${f.key}`;
        f.index++;
        return `${f.path}[${f.index}]`;
    };
    let i = start;
    while (i < b.length) {
        const c = b[i];
        if (isSpace(c) || c === 0x2c || c === 0x3a) { i++; continue; }
        if (c === 0x7b || c === 0x5b) {
            if (stack.length === MAX_DEPTH) return MALFORMED;
            const path = stack.length === 0 ? 'record' : child();
            stack.push({ isObject: c === 0x7b, path, keys: new Set(), key: null, index: -1, expectKey: c === 0x7b });
            i++;
            continue;
        }
        if (c === 0x7d || c === 0x5d) { stack.pop(); i++; continue; }
        if (c === 0x22) {
            const { end, lone, escaped } = string(b, i);
            const f = stack[stack.length - 1];
            if (f && f.isObject && isKeyPosition(b, end)) {
                if (lone) {
                    note(`${f.path}: a property name holds a lone surrogate`);
                    f.key = '\uFFFD';
                } else {
                    const key = decodeString(b, i, end, escaped);
                    f.key = key;
                    if (f.keys.has(key)) note(`${child()}: duplicate property`);
                    else f.keys.add(key);
                }
            } else {
                const path = child();
                if (lone) note(`${path}: string holds a lone surrogate`);
            }
            i = end + 1;
            continue;
        }
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
            let j = i + 1;
            while (j < b.length && isNumberByte(b[j])) j++;
            const literal = String.fromCharCode(...b.subarray(i, j));
            const path = child();
            if (!isSafeInteger(literal)) note(`${path}: number ${literal} is not an integer within ±(2^53−1)`);
            i = j;
            continue;
        }
        // true, false, null
        child();
        while (i < b.length && b[i] >= 0x61 && b[i] <= 0x7a) i++;
    }
    return first;
}

const isNumberByte = (c) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;

function isSafeInteger(literal) {
    if (!/^-?(0|[1-9][0-9]*)$/.test(literal)) return false;
    const digits = literal.startsWith('-') ? literal.slice(1) : literal;
    return digits.length <= 16 && BigInt(digits) <= MAX_SAFE;
}

/** A string in an object is a key when a ':' follows it. */
function isKeyPosition(b, end) {
    let j = end + 1;
    while (j < b.length && isSpace(b[j])) j++;
    return b[j] === 0x3a;
}

/** Finds the closing quote and whether an escaped surrogate is left unpaired (raw UTF-8 cannot hold one). */
function string(b, open) {
    let i = open + 1, pendingHigh = false, lone = false, escaped = false;
    for (;;) {
        const c = b[i];
        if (c === 0x22) break;
        if (c === 0x5c) {
            escaped = true;
            if (b[i + 1] === 0x75) {
                const unit = hexValue(b, i + 2);
                if (unit >= 0xd800 && unit <= 0xdbff) {
                    if (pendingHigh) lone = true;
                    pendingHigh = true;
                } else if (unit >= 0xdc00 && unit <= 0xdfff) {
                    if (!pendingHigh) lone = true;
                    pendingHigh = false;
                } else {
                    if (pendingHigh) lone = true;
                    pendingHigh = false;
                }
                i += 6;
            } else {
                if (pendingHigh) lone = true;
                pendingHigh = false;
                i += 2;
            }
            continue;
        }
        if (pendingHigh) lone = true;
        pendingHigh = false;
        i++;
    }
    if (pendingHigh) lone = true;
    return { end: i, lone, escaped };
}

function decodeString(b, open, end, escaped) {
    const raw = new TextDecoder().decode(b.subarray(open, end + 1));
    return escaped ? JSON.parse(raw) : raw.slice(1, -1);
}
