// Target selection of draw-spec §3 over population.tsv, as SpotCheck.Draw.Selection.Selector: the same validation and
// quotas, then one streaming pass that hashes every ticket with WebCrypto and keeps only the lowest keys per stratum.
import { describeBadCode, describeBadId, fail, isValidCode, isValidId, ordinal } from './fields.js';
import { hex, PrefixHasher } from './sha.js';
import { eachRow, lines } from './snapshot.js';

const PPM = 1000000n;
const BATCH = 4096;

function validateParams(d) {
    if (d.mode === 'SRS' || d.mode === 'WEIGHTED') {
        if (d.k === null) throw fail(`k: required in ${d.mode} mode`);
        if (d.k < 0) throw fail(`k: ${d.k} is negative`);
        if (d.ratioPpm !== null) throw fail('ratioPpm: only allowed in STRATIFIED mode');
        if (d.kByStratum !== null) throw fail('kByStratum: only allowed in STRATIFIED mode');
        return;
    }
    if (d.k !== null) throw fail('k: not allowed in STRATIFIED mode (use ratioPpm or kByStratum)');
    if (d.ratioPpm !== null && d.kByStratum !== null) throw fail('ratioPpm: cannot be combined with kByStratum');
    if (d.ratioPpm === null && d.kByStratum === null) throw fail('ratioPpm: STRATIFIED mode needs ratioPpm or kByStratum');
    for (const [stratum, ppm] of d.ratioPpm ?? []) {
        if (!isValidCode(stratum)) throw fail(`ratioPpm: ${describeBadCode(stratum)}`);
        if (ppm < 0 || ppm > 1000000) throw fail(`ratioPpm.${stratum}: ${ppm} is outside 0…1000000`);
    }
    for (const [stratum, k] of d.kByStratum ?? []) {
        if (!isValidCode(stratum)) throw fail(`kByStratum: ${describeBadCode(stratum)}`);
        if (k < 0) throw fail(`kByStratum.${stratum}: ${k} is negative`);
    }
}

function checkWeight(weight, mode, field) {
    if (weight === 0) throw fail(`${field}: 0 means ineligible; leave the id out of the frame (list it in excluded.tsv)`);
    if (weight < 1 || weight > 100) throw fail(`${field}: ${weight} is outside 1…100`);
    if (mode === 'SRS' && weight !== 1) throw fail(`${field}: SRS requires weight 1, got ${weight}`);
}

const groupOf = (stratum, mode) => (mode === 'STRATIFIED' ? stratum : '');
const min = (a, b) => (a < b ? a : b);

/**
 * Selector.Select up to the hashing: population rules (ids sorted by line, so a duplicate is the previous id), the
 * stratum counts and the quotas. Returns { quota: Map(group → k), strata: report rows }.
 */
export function validate(d) {
    validateParams(d);
    const counts = new Map();
    let i = 0, previous = null;
    eachRow(d.population, ([id, stratum, weight]) => {
        if (!isValidId(id)) throw fail(`population[${i}].id: ${describeBadId(id)}`);
        if (!isValidCode(stratum)) throw fail(`population[${i}].stratum: ${describeBadCode(stratum)}`);
        checkWeight(Number(weight), d.mode, `population[${i}].weight`);
        if (id === previous) throw fail(`population[${i}].id: duplicate id ${id}`);
        previous = id;
        counts.set(stratum, (counts.get(stratum) ?? 0n) + 1n);
        i++;
    });
    const quota = new Map(), strata = [];
    if (d.mode !== 'STRATIFIED') {
        let n = 0n;
        for (const c of counts.values()) n += c;
        quota.set('', min(n, BigInt(d.k)));
        return { quota, strata };
    }
    const entries = d.ratioPpm ?? d.kByStratum;
    const field = d.ratioPpm !== null ? 'ratioPpm' : 'kByStratum';
    for (const stratum of [...counts.keys()].sort(ordinal)) {
        if (!entries.has(stratum)) throw fail(`${field}: no entry for stratum ${stratum}`);
    }
    for (const stratum of [...entries.keys()].sort(ordinal)) {
        const n = counts.get(stratum) ?? 0n;
        const value = BigInt(entries.get(stratum));
        // draw-spec §3.3 ceiling rounding: k = min(N, ⌈N × ppm / 10^6⌉), in integers.
        const k = d.ratioPpm !== null ? min(n, (n * value + PPM - 1n) / PPM) : min(n, value);
        quota.set(stratum, k);
        strata.push(d.ratioPpm !== null ? { stratum, n: Number(n), ratioPpm: Number(value), k: Number(k) } : { stratum, n: Number(n), k: Number(k) });
    }
    return { quota, strata };
}

/** Compares 32-byte keys as unsigned big-endian integers. */
function compareKeys(a, b) {
    for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
}

/** Orders (key, id) as draw-spec §2.6: keys first, then ids ordinally. */
function before(a, b) {
    const c = compareKeys(a.key, b.key);
    return c !== 0 ? c < 0 : a.id < b.id;
}

/** A max-heap holding the `capacity` lowest entries offered (LowestK). */
class LowestK {
    constructor(capacity) {
        this.capacity = capacity;
        this.items = [];
    }

    admits(entry) {
        return this.items.length < this.capacity || (this.capacity > 0 && before(entry, this.items[0]));
    }

    offer(entry) {
        const h = this.items;
        if (h.length < this.capacity) {
            h.push(entry);
            for (let i = h.length - 1; i > 0;) {
                const parent = (i - 1) >> 1;
                if (!before(h[parent], h[i])) break;
                [h[parent], h[i]] = [h[i], h[parent]];
                i = parent;
            }
        } else if (this.admits(entry)) {
            h[0] = entry;
            for (let i = 0; ;) {
                const l = 2 * i + 1, r = l + 1;
                let largest = i;
                if (l < h.length && before(h[largest], h[l])) largest = l;
                if (r < h.length && before(h[largest], h[r])) largest = r;
                if (largest === i) break;
                [h[largest], h[i]] = [h[i], h[largest]];
                i = largest;
            }
        }
    }

    sorted() {
        return [...this.items].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    }
}

/**
 * Hashes every ticket T(S, id, j), j = 1…weight, keeping per stratum the quota plus `extra` lowest keys (room for the
 * substitutes, which are the next ranks). Returns the ranked lists per group and the selection rows of Selector.Select.
 */
export async function select(seed, d, quota, extra, progress) {
    const hasher = new PrefixHasher(`${seed}:S:`);
    const heaps = new Map();
    for (const [group, k] of quota) heaps.set(group, new LowestK(Number(k) + extra));
    let pending = [], entries = [], done = 0;
    const flush = async () => {
        const digests = await Promise.all(pending);
        let at = 0;
        for (const e of entries) {
            let best = new Uint8Array(digests[at++]);
            for (let j = 1; j < e.weight; j++) {
                const key = new Uint8Array(digests[at++]);
                if (compareKeys(key, best) < 0) best = key;
            }
            const entry = { key: best, id: e.id, stratum: e.stratum };
            const heap = heaps.get(groupOf(e.stratum, d.mode));
            if (heap.admits(entry)) heap.offer(entry);
        }
        done += entries.length;
        pending = [];
        entries = [];
        progress(done);
    };
    for (const [id, stratum, weightText] of lines(d.population)) {
        const weight = Number(weightText);
        if (heaps.get(groupOf(stratum, d.mode)).capacity === 0) { done++; continue; }
        for (let j = 1; j <= weight; j++) pending.push(hasher.digest(`${id}:${j}`));
        entries.push({ id, stratum, weight });
        if (pending.length >= BATCH) await flush();
    }
    await flush();

    const ranked = new Map();
    const winners = [];
    for (const [group, heap] of heaps) {
        const list = heap.sorted();
        ranked.set(group, list);
        const k = Number(quota.get(group));
        for (let i = 0; i < Math.min(k, list.length); i++) winners.push({ ...list[i], stratumRank: i + 1 });
    }
    winners.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const selected = winners.map((w, i) => ({ rank: i + 1, stratumRank: w.stratumRank, id: w.id, stratum: w.stratum, ticket: hex(w.key) }));
    return { selected, ranked };
}

/** Ranking.FirstUnused: the lowest-ranked id of the replaced target's stratum not yet used, with its rank, or null. */
export function firstUnused(ranked, d, stratum, used) {
    const list = ranked.get(groupOf(stratum, d.mode)) ?? [];
    for (let i = 0; i < list.length; i++) {
        if (!used.has(list[i].id)) return { rank: i + 1, id: list[i].id, ticket: hex(list[i].key) };
    }
    return null;
}
