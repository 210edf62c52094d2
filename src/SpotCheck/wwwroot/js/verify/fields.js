// Typed reads of a scanned record and the discrepancy lines, worded exactly as src/SpotCheck.Draw/Record/RecordFields.cs.

/** The first discrepancy: its message is the line `spotcheck draw verify` prints. */
export class Discrepancy extends Error {}

export const fail = (message) => new Discrepancy(message);

export function expect(expected, got, field) {
    if (expected !== got) throw fail(`${field}: expected ${expected}, got ${got}`);
}

const has = (o, key) => Object.prototype.hasOwnProperty.call(o, key);
const get = (o, key) => (o !== null && typeof o === 'object' && !Array.isArray(o) && has(o, key) ? o[key] : undefined);
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export function str(node, path) {
    if (typeof node !== 'string') throw fail(`${path}: missing or not a string`);
    return node;
}

export const strAt = (o, key, path) => str(get(o, key), path);

/** A string, or null when the field is JSON null or absent. */
export function strOrNull(o, key, path) {
    const v = get(o, key);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw fail(`${path}: must be a string or null`);
    return v;
}

export function int(node, path) {
    if (typeof node !== 'number') throw fail(`${path}: missing or not an integer`);
    return node;
}

export const intAt = (o, key, path) => int(get(o, key), path);

/** An integer field that the algorithm uses as a count: 0 … 2^31 − 1. */
export function count(o, key, path) {
    const v = intAt(o, key, path);
    if (v < 0 || v > 2147483647) throw fail(`${path}: ${v} is outside 0…2147483647`);
    return v;
}

export function obj(node, path) {
    if (!isObject(node)) throw fail(`${path}: missing or not an object`);
    return node;
}

export const objAt = (o, key, path) => obj(get(o, key), path);

export function arrAt(o, key, path) {
    const v = get(o, key);
    if (!Array.isArray(v)) throw fail(`${path}: missing or not an array`);
    return v;
}

export const isAbsent = (o, key) => get(o, key) === undefined || get(o, key) === null;

export const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Refuses keys outside `allowed`, the first in ordinal order. */
export function onlyKeys(o, path, allowed) {
    for (const key of Object.keys(o).sort(ordinal)) {
        if (!allowed.includes(key)) throw fail(path === '' ? `${key}: not expected` : `${path}.${key}: not expected`);
    }
}

// draw-spec §2.3 identifiers.
const ID_PATTERN = '^[0-9A-Za-z_.-]{1,64}$';
const CODE_PATTERN = '^[0-9A-Za-z_.-]{1,32}$';
const idChars = /^[0-9A-Za-z_.-]*$/;
export const isValidId = (s) => typeof s === 'string' && s.length >= 1 && s.length <= 64 && idChars.test(s);
export const isValidCode = (s) => typeof s === 'string' && s.length >= 1 && s.length <= 32 && idChars.test(s);

/** Keeps a message on one line whatever the offending input holds (DrawIds.Printable). */
export function printable(value) {
    const clipped = value.length > 80 ? value.slice(0, 80) + '…' : value;
    let out = '';
    for (const c of clipped) {
        const code = c.charCodeAt(0);
        out += c.length === 1 && (code < 0x20 || (code >= 0x7f && code <= 0x9f)) ? '\\u' + code.toString(16).padStart(4, '0') : c;
    }
    return out;
}

export const describeBadId = (v) => `"${printable(v)}" is not a valid id (${ID_PATTERN})`;
export const describeBadCode = (v) => `"${printable(v)}" is not a valid code (${CODE_PATTERN})`;

// Calendar arithmetic on whole numbers only.
const shaped = (s, shape) => s.length === shape.length
    && [...shape].every((c, i) => (c === 'd' ? s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57 : s[i] === c));
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y, m) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

function validDate(s) {
    const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

export const isDate = (s) => shaped(s, 'dddd-dd-dd') && validDate(s);

export function date(s, path) {
    if (!isDate(s)) throw fail(`${path}: "${printable(s)}" is not a date (yyyy-MM-dd)`);
    return s;
}

/** Days since 0001-01-01 of a valid yyyy-MM-dd date (DateOnly.DayNumber). */
export function dayNumber(s) {
    const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
    const py = y - 1;
    let days = py * 365 + (py - (py % 4)) / 4 - (py - (py % 100)) / 100 + (py - (py % 400)) / 400;
    for (let month = 1; month < m; month++) days += daysIn(y, month);
    return days + d - 1;
}

/** UTC instants in the fixed-width log format, so they also compare as strings. */
export function time(s, path) {
    const ok = shaped(s, 'dddd-dd-ddTdd:dd:dd.dddZ') && validDate(s.slice(0, 10))
        && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60 && Number(s.slice(17, 19)) < 60;
    if (!ok) throw fail(`${path}: "${printable(s)}" is not yyyy-MM-ddTHH:mm:ss.fffZ`);
    return s;
}
