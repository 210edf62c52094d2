// The record's log segment and its bindings, as RecordLogCheck.cs (draw-spec §6.3, §7).
import { arrAt, expect, fail, intAt, obj, objAt, onlyKeys, strAt, strOrNull, time } from './fields.js';
import { jcs } from './jcs.js';
import { sha256Hex } from './sha.js';

const ENTRY_KEYS = ['seq', 'ts', 'type', 'drawId', 'actor', 'payload', 'prev', 'hash'];
const PHASE = { INPUTS_FROZEN: 0, COMMIT: 1, PUBLIC_RANDOMNESS: 2, REVEAL: 3, DRAW_RESULT: 4, ASSIGNMENT_RESULT: 5, PUBLISHED: 6, VOIDED: 6 };
const PUBLISHED_OR_VOIDED = 'PUBLISHED or VOIDED';

/** `stated`: { inputsHash, randomnessSource, publicRandomness, seed, commitments: [[party, c]], secrets: [[party, s]] }. */
export async function checkLog(r, drawId, stated) {
    const log = arrAt(r, 'log', 'log');
    const steps = new Map(), commits = new Map(), reveals = new Map();
    let previousHash = null, previousSeq = 0, phase = -1, phaseType = '';
    for (let i = 0; i < log.length; i++) {
        const o = obj(log[i], `log[${i}]`);
        onlyKeys(o, `log[${i}]`, ENTRY_KEYS);
        const entry = {
            seq: intAt(o, 'seq', `log[${i}].seq`),
            ts: time(strAt(o, 'ts', `log[${i}].ts`), `log[${i}].ts`),
            type: strAt(o, 'type', `log[${i}].type`),
            drawId: strOrNull(o, 'drawId', `log[${i}].drawId`),
            actor: strAt(o, 'actor', `log[${i}].actor`),
            payload: objAt(o, 'payload', `log[${i}].payload`),
            prev: strAt(o, 'prev', `log[${i}].prev`),
        };
        const hash = strAt(o, 'hash', `log[${i}].hash`);
        expect(await sha256Hex(jcs(entry)), hash, `log[${i}].hash (seq ${entry.seq})`);
        if (entry.drawId !== drawId) throw fail(`log[${i}].drawId: expected ${drawId}, got ${entry.drawId ?? 'null'}`);
        if (previousHash !== null && entry.seq <= previousSeq) throw fail(`log[${i}].seq: ${entry.seq} does not follow ${previousSeq}`);
        if (previousHash !== null && entry.seq === previousSeq + 1) expect(previousHash, entry.prev, `log[${i}].prev (seq ${entry.seq})`);
        previousHash = hash;
        previousSeq = entry.seq;

        if (!Object.prototype.hasOwnProperty.call(PHASE, entry.type)) continue;
        const p = PHASE[entry.type];
        const at = `log[${i}] (seq ${entry.seq})`;
        const step = { index: i, seq: entry.seq, payload: entry.payload };
        if (entry.type === 'COMMIT' || entry.type === 'REVEAL') {
            const party = strAt(entry.payload, 'party', `log[${i}].payload.party`);
            const map = entry.type === 'COMMIT' ? commits : reveals;
            if (map.has(party)) throw fail(`${at}: second ${entry.type} of party ${party}`);
            map.set(party, step);
        } else {
            const key = p === 6 ? PUBLISHED_OR_VOIDED : entry.type;
            if (steps.has(key)) throw fail(`${at}: second ${key} entry`);
            steps.set(key, step);
        }
        if (p < phase) throw fail(`${at}: ${entry.type} after ${phaseType}`);
        if (p > phase) [phase, phaseType] = [p, entry.type];
    }
    bind(stated, steps, commits, reveals);
    return log.length;
}

function bind(stated, steps, commits, reveals) {
    const frozen = steps.get('INPUTS_FROZEN');
    if (!frozen) throw fail('log: no INPUTS_FROZEN entry');
    expect(strAt(frozen.payload, 'inputsHash', `log[${frozen.index}].payload.inputsHash`), stated.inputsHash, `inputsHash (INPUTS_FROZEN seq ${frozen.seq})`);
    expect(strOrNull(frozen.payload, 'randomnessSource', `log[${frozen.index}].payload.randomnessSource`) ?? 'null',
        stated.randomnessSource ?? 'null', `randomnessSource (INPUTS_FROZEN seq ${frozen.seq})`);

    bindParties(stated.commitments, commits, 'COMMIT', 'commitments', 'commitment', 'who has no commitment in the record');

    const randomness = steps.get('PUBLIC_RANDOMNESS');
    if (stated.publicRandomness.length > 0) {
        if (!randomness) throw fail('publicRandomness: no PUBLIC_RANDOMNESS entry in the log');
        expect(strAt(randomness.payload, 'publicRandomness', `log[${randomness.index}].payload.publicRandomness`), stated.publicRandomness,
            `publicRandomness (PUBLIC_RANDOMNESS seq ${randomness.seq})`);
    } else if (randomness) {
        throw fail(`log[${randomness.index}] (seq ${randomness.seq}): PUBLIC_RANDOMNESS, but the record has no public randomness`);
    }

    bindParties(stated.secrets, reveals, 'REVEAL', 'secrets', 'secret', 'who revealed no secret in the record');

    const result = steps.get('DRAW_RESULT');
    if (!result) throw fail('log: no DRAW_RESULT entry');
    expect(strAt(result.payload, 'seed', `log[${result.index}].payload.seed`), stated.seed, `seed (DRAW_RESULT seq ${result.seq})`);
    if (!steps.has('ASSIGNMENT_RESULT')) throw fail('log: no ASSIGNMENT_RESULT entry');
}

function bindParties(stated, entries, type, list, field, orphan) {
    stated.forEach(([party, value], i) => {
        const entry = entries.get(party);
        if (!entry) throw fail(`${list}[${i}]: no ${type} entry of party ${party} in the log`);
        expect(strAt(entry.payload, field, `log[${entry.index}].payload.${field}`), value, `${list}[${i}].${field} (${type} seq ${entry.seq})`);
    });
    for (const [party, entry] of entries) {
        if (!stated.some(([p]) => p === party)) throw fail(`log[${entry.index}] (seq ${entry.seq}): ${type} of party ${party}, ${orphan}`);
    }
}
