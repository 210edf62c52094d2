// Re-checks a published draw record in the browser: the same checks, in the same order and with the same words, as
// SpotCheck.Draw.Record.DrawRecordVerifier (`spotcheck draw verify`). Every hash is SHA-256 from WebCrypto.
import {
    arrAt, describeBadId, Discrepancy, expect, fail, isValidId, obj, objAt, onlyKeys, printable, strAt, strOrNull, time,
} from './fields.js';
import { jcs, compare } from './jcs.js';
import { checkLog } from './log.js';
import { checkAssignment, checkSubstitutions } from './results.js';
import { parseRecord } from './scan.js';
import { select, validate } from './selection.js';
import { sha256Hex } from './sha.js';
import { checkExclusions, definition, FILES, HASH_FIELD } from './snapshot.js';

const FORMAT = 'spotcheck-draw-record/1';
const ALGORITHM = 'DRAW-v1';
const TOP_LEVEL_KEYS = [
    'format', 'algorithm', 'software', 'drawId', 'status', 'inputs', 'inputsHash', 'snapshot', 'commitments', 'randomnessSource',
    'publicRandomness', 'publicRandomnessAt', 'secrets', 'seed', 'trust', 'trustLabel', 'selected', 'strata', 'teams', 'infeasible',
    'substitutions', 'log',
];
const KINDS = ['dice', 'drand', 'nist'];
const BLANKS = ' \t\u00a0\u3000';
const CANONICAL_PART = /^(dice:[0-9]{20,}|drand:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{64}|nist:[0-9A-Za-z_.-]{1,64}:[0-9]{1,20}:[0-9a-f]{128})$/;

/**
 * Verifies the record file's bytes. `progress(step, done, total)` reports each step; returns
 * { ok: true, line: "OK …", summary } or { ok: false, line: the first discrepancy, step }.
 */
export async function verifyRecord(bytes, progress = () => {}) {
    let step = 'json';
    const report = (name, done = 0, total = 0) => { step = name; progress(name, done, total); };
    report('json');
    const parsed = parseRecord(bytes);
    if (parsed.problem) return { ok: false, line: parsed.problem, step };
    try {
        const summary = await check(parsed.record, report);
        return { ok: true, line: `OK drawId=${summary.drawId} selected=${summary.selected} teams=${summary.teams}`, summary };
    } catch (e) {
        if (e instanceof Discrepancy) return { ok: false, line: e.message, step };
        throw e;
    }
}

async function check(r, report) {
    expect(FORMAT, strAt(r, 'format', 'format'), 'format');
    onlyKeys(r, '', TOP_LEVEL_KEYS);
    expect(ALGORITHM, strAt(r, 'algorithm', 'algorithm'), 'algorithm');
    const drawId = strAt(r, 'drawId', 'drawId');
    if (!isValidId(drawId)) throw fail(`drawId: ${describeBadId(drawId)}`);
    const inputs = objAt(r, 'inputs', 'inputs');
    expect(ALGORITHM, strAt(inputs, 'algorithm', 'inputs.algorithm'), 'inputs.algorithm');
    expect(drawId, strAt(inputs, 'drawId', 'inputs.drawId'), 'inputs.drawId');

    report('inputs');
    const texts = await snapshotTexts(r, inputs);
    const inputsHash = await sha256Hex(jcs(inputs));
    expect(inputsHash, strAt(r, 'inputsHash', 'inputsHash'), 'inputsHash');

    report('seed');
    const { seed, stated, trustLabel } = await checkSeed(r, drawId, inputsHash);
    const d = definition(inputs, texts);
    const { quota, strata } = validate(d);
    checkExclusions(d);
    const extra = Array.isArray(r.substitutions) ? r.substitutions.length : 0;
    report('selection', 0, d.frameSize);
    const { selected, ranked } = await select(seed, d, quota, extra, (done) => report('selection', done, d.frameSize));
    compare(selected, arrAt(r, 'selected', 'selected'), 'selected');
    compare(strata, arrAt(r, 'strata', 'strata'), 'strata');
    checkSubstitutions(r, d, selected, ranked);
    report('assignment', 0, selected.length);
    const teams = await checkAssignment(r, d, seed, selected, texts, (done) => report('assignment', done, selected.length));
    report('log');
    const entries = await checkLog(r, drawId, stated);
    return {
        drawId, selected: selected.length, teams, frame: d.frameSize, strata: strata.length, substitutions: extra, entries,
        seed, trustLabel, publicRandomness: stated.publicRandomness, privateFiles: FILES.filter((f) => texts[f] === null),
    };
}

async function snapshotTexts(r, inputs) {
    const snapshot = objAt(r, 'snapshot', 'snapshot');
    onlyKeys(snapshot, 'snapshot', FILES);
    const texts = {};
    for (const file of FILES) {
        if (!Object.prototype.hasOwnProperty.call(snapshot, file)) throw fail(`snapshot.${file}: missing (a private file is published as null)`);
        const text = strOrNull(snapshot, file, `snapshot.${file}`);
        texts[file] = text;
        const field = HASH_FIELD[file];
        const stated = strAt(inputs, field, `inputs.${field}`);
        if (text !== null) expect(await sha256Hex(text), stated, `inputs.${field} (hash of ${file})`);
    }
    if (texts['population.tsv'] === null) throw fail('snapshot.population.tsv: missing (the frame must be published)');
    return texts;
}

function party(o, at) {
    const p = strAt(o, 'party', `${at}.party`);
    if (!isValidId(p)) throw fail(`${at}.party: ${describeBadId(p)}`);
    return p;
}

async function checkSeed(r, drawId, inputsHash) {
    const commitments = arrAt(r, 'commitments', 'commitments');
    const secretList = [], secrets = new Map();
    arrAt(r, 'secrets', 'secrets').forEach((node, i) => {
        const at = `secrets[${i}]`;
        const s = obj(node, at);
        onlyKeys(s, at, ['party', 'secret']);
        const p = party(s, at);
        const secret = strAt(s, 'secret', `${at}.secret`);
        if (secrets.has(p)) throw fail(`${at}.party: ${p} revealed twice`);
        secrets.set(p, secret);
        secretList.push([p, secret]);
    });
    const randomness = strAt(r, 'publicRandomness', 'publicRandomness');
    const badPart = randomness.length > 0 ? randomness.split(',').find((part) => !CANONICAL_PART.test(part)) : undefined;
    if (badPart !== undefined) {
        throw fail(`publicRandomness: "${printable(badPart)}" is not canonical (dice:<20+ digits>, drand:<chain>:<round>:<64 hex> or nist:<chain>:<pulse>:<128 hex>, joined by ',')`);
    }
    const at1 = strOrNull(r, 'publicRandomnessAt', 'publicRandomnessAt');
    const randomnessAt = at1 === null ? null : time(at1, 'publicRandomnessAt');
    if (commitments.length === 0) throw fail('commitments: none published');
    const committed = [];
    for (let i = 0; i < commitments.length; i++) {
        const at = `commitments[${i}]`;
        const c = obj(commitments[i], at);
        onlyKeys(c, at, ['party', 'commitment', 'publishedAt']);
        const p = party(c, at);
        if (committed.some(([x]) => x === p)) throw fail(`${at}.party: ${p} committed twice`);
        if (!secrets.has(p)) throw fail(`secrets: party ${p} committed but revealed no secret`);
        const commitment = strAt(c, 'commitment', `${at}.commitment`);
        if (await sha256Hex(`commit:${drawId}:${p}:${secrets.get(p)}`) !== commitment) throw fail(`commitment of party ${p} does not match revealed secret`);
        const publishedAt = time(strAt(c, 'publishedAt', `${at}.publishedAt`), `${at}.publishedAt`);
        if (randomnessAt !== null && publishedAt >= randomnessAt) {
            throw fail(`${at}.publishedAt: published at or after the public randomness (draw-spec §6.8)`);
        }
        committed.push([p, commitment]);
    }
    const parties = [...secrets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const p of parties) if (!committed.some(([x]) => x === p)) throw fail(`secrets: party ${p} revealed a secret without a commitment`);
    const seedMessage = `DRAW-v1|${drawId}|${inputsHash}|${parties.map((p) => `${p}=${secrets.get(p)}`).join(',')}|${randomness}`;
    const seed = await sha256Hex(seedMessage);
    expect(seed, strAt(r, 'seed', 'seed'), 'seed');
    const [trust, label] = trustOf(randomness, commitments.length);
    expect(trust, strAt(r, 'trust', 'trust'), 'trust');
    expect(label, strAt(r, 'trustLabel', 'trustLabel'), 'trustLabel');
    const source = checkDeclaredSource(r, randomness);
    return {
        seed, trustLabel: label,
        stated: { inputsHash, randomnessSource: source, publicRandomness: randomness, seed, commitments: committed, secrets: secretList },
    };
}

/** draw-spec §6.6, DrawRecordRules.Trust. */
function trustOf(randomness, parties) {
    if (randomness.length > 0) return ['PUBLIC_RANDOMNESS', '使用事先声明的公共随机数：结果在承诺之后才可确定'];
    return parties > 1
        ? ['NO_PUBLIC_RANDOMNESS', '未使用公共随机数：仅当至少一名独立承诺方诚实时结果公平']
        : ['SINGLE_PARTY_NO_PUBLIC_RANDOMNESS', '未使用公共随机数且仅一名承诺方：公平性完全取决于该承诺方（其可反复尝试秘密值）'];
}

function trimBlanks(s) {
    let a = 0, b = s.length;
    while (a < b && BLANKS.includes(s[a])) a++;
    while (b > a && BLANKS.includes(s[b - 1])) b--;
    return s.slice(a, b);
}

/** DrawRecordRules.DeclaredKinds: the kinds named before the first colon (ASCII or full-width), joined by '+'. */
function declaredKinds(source) {
    const end = source.search(/[:：]/);
    const kinds = new Set(trimBlanks(end < 0 ? source : source.slice(0, end)).split('+').map(trimBlanks));
    return kinds.size > 0 && [...kinds].every((k) => KINDS.includes(k)) ? kinds : null;
}

const kindList = (kinds) => [...kinds].sort().join('+');

function checkDeclaredSource(r, randomness) {
    const source = strOrNull(r, 'randomnessSource', 'randomnessSource');
    if (randomness.length === 0) {
        if (source !== null) throw fail('randomnessSource: declared, but the draw used no public randomness');
        return null;
    }
    if (source === null) throw fail('randomnessSource: missing (the source must be declared at freeze, draw-spec §6.3)');
    const declared = declaredKinds(source);
    if (declared === null) throw fail(`randomnessSource: "${printable(source)}" does not start with its kinds (dice, drand or nist, joined by +)`);
    const used = new Set(randomness.split(',').map((p) => p.slice(0, p.indexOf(':'))));
    if (used.size !== declared.size || [...used].some((k) => !declared.has(k))) {
        throw fail(`randomnessSource: declares ${kindList(declared)}, but publicRandomness is ${kindList(used)}`);
    }
    return source;
}
