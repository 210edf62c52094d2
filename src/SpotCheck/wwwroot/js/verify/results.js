// Substitutions, teams, the infeasibility report and the status, as RecordResultsCheck.cs.
import { assign } from './assignment.js';
import {
    arrAt, describeBadId, expect, fail, intAt, isObject, isValidId, obj, onlyKeys, printable, str, strAt,
} from './fields.js';
import { compare } from './jcs.js';
import { firstUnused } from './selection.js';
import { hex, PrefixHasher } from './sha.js';

export function checkSubstitutions(r, d, selected, ranked) {
    const used = new Set(selected.map((s) => s.id));
    const subs = arrAt(r, 'substitutions', 'substitutions');
    subs.forEach((node, i) => {
        const at = `substitutions[${i}]`;
        const s = obj(node, at);
        onlyKeys(s, at, ['replaced', 'substitute', 'stratum', 'stratumRank', 'ticket', 'reason']);
        const replacedId = strAt(s, 'replaced', `${at}.replaced`);
        const replaced = selected.find((x) => x.id === replacedId);
        if (!replaced) throw fail(`${at}.replaced: ${printable(replacedId)} was not selected`);
        const next = firstUnused(ranked, d, replaced.stratum, used);
        if (!next) throw fail(`${at}: the stratum has no unused rank left`);
        expect(next.id, strAt(s, 'substitute', `${at}.substitute`), `${at}.substitute`);
        expect(replaced.stratum, strAt(s, 'stratum', `${at}.stratum`), `${at}.stratum`);
        expect(String(next.rank), String(intAt(s, 'stratumRank', `${at}.stratumRank`)), `${at}.stratumRank`);
        expect(next.ticket, strAt(s, 'ticket', `${at}.ticket`), `${at}.ticket`);
        if (strAt(s, 'reason', `${at}.reason`).length === 0) throw fail(`${at}.reason: must not be empty`);
        used.add(next.id);
    });
}

/** Returns the team count; see RecordResultsCheck.CheckAssignment for what is checked with and without private files. */
export async function checkAssignment(r, d, seed, selected, texts, progress) {
    const teams = arrAt(r, 'teams', 'teams');
    const infeasible = arrAt(r, 'infeasible', 'infeasible');
    const complete = texts['inspectors.tsv'] !== null && texts['conflicts.tsv'] !== null && texts['previous_teams.tsv'] !== null;
    if (complete) {
        const result = await assign(seed, d, selected.map((s) => s.id), progress);
        compare(result.teams, teams, 'teams');
        compare(result.infeasible, infeasible, 'infeasible');
        expect(result.infeasible.length > 0 ? 'PARTIAL' : 'COMPLETE', strAt(r, 'status', 'status'), 'status');
        return teams.length;
    }
    checkPartition(selected, teams, infeasible);
    expect(infeasible.length > 0 ? 'PARTIAL' : 'COMPLETE', strAt(r, 'status', 'status'), 'status');
    const tickets = await teamTickets(seed, teams, progress);
    teams.forEach((t, i) => checkTeamTickets(t, i, d.teamSize, tickets));
    return teams.length;
}

const target = (list, i, name) => strAt(obj(list[i], `${name}[${i}]`), 'target', `${name}[${i}].target`);

function checkPartition(selected, teams, infeasible) {
    let t = 0, f = 0;
    for (const row of selected) {
        if (t < teams.length && target(teams, t, 'teams') === row.id) t++;
        else if (f < infeasible.length && target(infeasible, f, 'infeasible') === row.id) f++;
        else throw fail(`selected[${row.rank - 1}].id: ${row.id} has neither a team nor an infeasibility entry`);
    }
    if (t < teams.length) throw fail(`teams[${t}].target: ${printable(target(teams, t, 'teams'))} was not selected, or is out of selection order`);
    if (f < infeasible.length) {
        throw fail(`infeasible[${f}].target: ${printable(target(infeasible, f, 'infeasible'))} was not selected, or is out of selection order`);
    }
}

/** The tickets the checks below will need, hashed together first: key "target:member" → hex. */
async function teamTickets(seed, teams, progress) {
    const hasher = new PrefixHasher(`${seed}:A:`);
    const tails = [];
    for (const t of teams) {
        if (!isObject(t) || !Array.isArray(t.team)) continue;
        for (const m of t.team) if (isValidId(m)) tails.push(`${t.target}:${m}`);
    }
    const digests = await Promise.all(tails.map((tail) => hasher.digest(tail)));
    progress(teams.length);
    return new Map(tails.map((tail, i) => [tail, hex(new Uint8Array(digests[i]))]));
}

function checkTeamTickets(node, i, teamSize, tickets) {
    const at = `teams[${i}]`;
    const t = obj(node, at);
    onlyKeys(t, at, ['target', 'team', 'tickets']);
    const targetId = strAt(t, 'target', `${at}.target`);
    const members = arrAt(t, 'team', `${at}.team`);
    const published = arrAt(t, 'tickets', `${at}.tickets`);
    if (members.length !== teamSize) throw fail(`${at}.team: expected ${teamSize} members, got ${members.length}`);
    if (members.length !== published.length) throw fail(`${at}.tickets: ${published.length} tickets for ${members.length} members`);
    const seen = new Set();
    let previous = null;
    members.forEach((m, j) => {
        const member = str(m, `${at}.team[${j}]`);
        if (!isValidId(member)) throw fail(`${at}.team[${j}]: ${describeBadId(member)}`);
        if (seen.has(member)) throw fail(`${at}.team[${j}]: ${member} is listed twice`);
        seen.add(member);
        const ticket = tickets.get(`${targetId}:${member}`);
        expect(ticket, str(published[j], `${at}.tickets[${j}]`), `${at}.tickets[${j}]`);
        if (previous !== null && previous > ticket) throw fail(`${at}.team: members are not in ascending ticket order`);
        previous = ticket;
    });
}
