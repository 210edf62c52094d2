// Officer assignment of draw-spec §5, as SpotCheck.Draw.Assignment.Assigner: the same validation, eligibility rules,
// team rule and infeasibility report. Tickets T(A, target, officer) come from WebCrypto, a batch of targets at a time.
import { describeBadCode, describeBadId, fail, isValidCode, isValidId, ordinal } from './fields.js';
import { hex, PrefixHasher } from './sha.js';

const RULES = ['INACTIVE', 'CERT_EXPIRED', 'DEPT_MISMATCH', 'CONFLICT', 'REPEAT_PREVIOUS', 'CAP_REACHED'];
const PAIRS_PER_BATCH = 4096;

function requireUnique(values, field, valid, describe) {
    const seen = new Set();
    values.forEach((v, i) => {
        if (!valid(v)) throw fail(`${field}[${i}]: ${describe(v)}`);
        if (seen.has(v)) throw fail(`${field}[${i}]: duplicate ${v}`);
        seen.add(v);
    });
}

/** AssignmentValidation.Validate for what a record can hold (targets come from the selection and are valid). */
function validate(d) {
    if (d.departments.length === 0) throw fail('departments: at least one department is required');
    requireUnique(d.departments, 'departments', isValidCode, describeBadCode);
    const minimum = Math.max(2, d.departments.length);
    if (d.teamSize < minimum) {
        throw fail(`teamSize: ${d.teamSize} is below the minimum ${minimum} (at least two officers and one per department)`);
    }
    const ids = new Set();
    d.inspectors.forEach((o, i) => {
        if (!isValidId(o.id)) throw fail(`inspectors[${i}].id: ${describeBadId(o.id)}`);
        if (ids.has(o.id)) throw fail(`inspectors[${i}].id: duplicate id ${o.id}`);
        ids.add(o.id);
        if (!isValidCode(o.dept)) throw fail(`inspectors[${i}].dept: ${describeBadCode(o.dept)}`);
    });
    d.conflicts.forEach(([officer, target], i) => {
        if (!isValidId(officer)) throw fail(`conflicts[${i}][0]: ${describeBadId(officer)}`);
        if (!isValidId(target)) throw fail(`conflicts[${i}][1]: ${describeBadId(target)}`);
    });
    for (const [target, team] of d.previousTeams) {
        if (!isValidId(target)) throw fail(`previousTeams: ${describeBadId(target)}`);
        requireUnique(team, `previousTeams.${target}`, isValidId, describeBadId);
    }
}

/** Returns { teams, infeasible } as the record's sections, recomputed from the snapshot. */
export async function assign(seed, d, targets, progress) {
    validate(d);
    const departments = [...d.departments].sort(ordinal);
    const staticRejected = [0, 0, 0];
    const pool = [];
    for (const o of d.inspectors) {
        const failed = !o.active ? 0 : o.certValidTo < d.planEndDate ? 1 : departments.includes(o.dept) ? -1 : 2;
        if (failed >= 0) staticRejected[failed]++;
        else pool.push({ ...o, deptIndex: departments.indexOf(o.dept) });
    }
    const load = pool.map((o) => o.load);
    const isCapped = (m) => load[m] >= pool[m].cap;
    let capped = pool.filter((o) => o.load >= o.cap).length;
    const index = new Map(pool.map((o, m) => [o.id, m]));
    const conflicts = new Map(), previous = new Map();
    const add = (map, key, m) => { if (!map.has(key)) map.set(key, new Set()); map.get(key).add(m); };
    for (const [officer, target] of d.conflicts) if (index.has(officer)) add(conflicts, target, index.get(officer));
    for (const [target, team] of d.previousTeams) for (const officer of team) if (index.has(officer)) add(previous, target, index.get(officer));
    const blocked = (target, m) => conflicts.get(target)?.has(m) || previous.get(target)?.has(m);
    const before = (a, b) => (a.ticket !== b.ticket ? a.ticket < b.ticket : pool[a.m].id < pool[b.m].id);

    const hasher = new PrefixHasher(`${seed}:A:`);
    const teams = [], infeasible = [];
    const perBatch = Math.max(1, Math.floor(PAIRS_PER_BATCH / Math.max(1, pool.length)));
    for (let start = 0; start < targets.length; start += perBatch) {
        const batch = targets.slice(start, start + perBatch);
        const candidates = batch.map((target) => pool.map((o, m) => m).filter((m) => !blocked(target, m)));
        const digests = await Promise.all(batch.flatMap((target, t) => candidates[t].map((m) => hasher.digest(`${target}:${pool[m].id}`))));
        let at = 0;
        batch.forEach((target, t) => {
            const eligible = candidates[t].map((m) => ({ m, ticket: hex(new Uint8Array(digests[at++])) })).filter((c) => !isCapped(c.m));
            eligible.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
            const chosen = [], missing = [];
            departments.forEach((dept, di) => {
                const first = eligible.find((c) => pool[c.m].deptIndex === di);
                if (first) chosen.push(first);
                else missing.push(dept);
            });
            if (missing.length === 0) {
                for (const c of eligible) {
                    if (chosen.length === d.teamSize) break;
                    if (!chosen.includes(c)) chosen.push(c);
                }
            }
            if (missing.length > 0 || chosen.length < d.teamSize) {
                const conflict = conflicts.get(target) ?? new Set();
                const repeat = new Set([...(previous.get(target) ?? [])].filter((m) => !conflict.has(m)));
                const cappedButBlocked = [...conflict, ...repeat].filter(isCapped).length;
                const counts = [...staticRejected, conflict.size, repeat.size, capped - cappedButBlocked];
                infeasible.push({
                    target, reason: missing.length > 0 ? 'NO_ELIGIBLE_IN_DEPT' : 'INSUFFICIENT_ELIGIBLE', missingDepts: missing,
                    needed: d.teamSize, eligible: eligible.length, poolSize: d.inspectors.length,
                    rejected: Object.fromEntries(RULES.map((rule, r) => [rule, counts[r]])),
                });
                return;
            }
            chosen.sort((a, b) => (before(a, b) ? -1 : 1));
            for (const c of chosen) {
                load[c.m]++;
                if (load[c.m] === pool[c.m].cap) capped++;
            }
            teams.push({ target, team: chosen.map((c) => pool[c.m].id), tickets: chosen.map((c) => c.ticket) });
        });
        progress(Math.min(targets.length, start + perBatch));
    }
    return { teams, infeasible };
}
