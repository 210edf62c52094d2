// RFC 8785 canonical JSON for the integer-only documents of DRAW-v1 (draw-spec §7.2), as SpotCheck.Draw.Json.Jcs.
import { fail, isObject, ordinal } from './fields.js';

function string(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x22) out += '\\"';
        else if (c === 0x5c) out += '\\\\';
        else if (c === 0x08) out += '\\b';
        else if (c === 0x09) out += '\\t';
        else if (c === 0x0a) out += '\\n';
        else if (c === 0x0c) out += '\\f';
        else if (c === 0x0d) out += '\\r';
        else if (c < 0x20) out += '\\u00' + c.toString(16).padStart(2, '0');
        else out += s[i];
    }
    return out + '"';
}

/** Canonical text of a parsed (scanned) JSON value; undefined, as for a missing member, is null. */
export function jcs(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return string(v);
    if (typeof v === 'number') return String(v === 0 ? 0 : v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (Array.isArray(v)) return '[' + v.map(jcs).join(',') + ']';
    return '{' + Object.keys(v).sort(ordinal).map((k) => string(k) + ':' + jcs(v[k])).join(',') + '}';
}

const unquote = (json) => (json.length > 1 && json[0] === '"' ? json.slice(1, -1) : json);

/** First difference between the recomputed and the published JSON, as "path: expected X, got Y". */
export function compare(expected, got, path) {
    if (Array.isArray(expected) && Array.isArray(got)) {
        for (let i = 0; i < Math.min(expected.length, got.length); i++) compare(expected[i], got[i], `${path}[${i}]`);
        if (expected.length !== got.length) throw fail(`${path}: expected ${expected.length} entries, got ${got.length}`);
        return;
    }
    if (isObject(expected) && isObject(got)) {
        for (const key of Object.keys(expected)) compare(expected[key], Object.prototype.hasOwnProperty.call(got, key) ? got[key] : null, `${path}.${key}`);
        for (const key of Object.keys(got).sort(ordinal)) {
            if (!Object.prototype.hasOwnProperty.call(expected, key)) throw fail(`${path}.${key}: not expected`);
        }
        return;
    }
    const want = jcs(expected), have = jcs(got);
    if (want !== have) throw fail(`${path}: expected ${unquote(want)}, got ${unquote(have)}`);
}
