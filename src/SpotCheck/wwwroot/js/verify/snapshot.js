// The frozen inputs read back from a record, as RecordSnapshot.cs: parameters from `inputs`, rows from the snapshot files.
// The frame is never split into an array: every pass walks population.tsv line by line.
import {
    arrAt, count, date, dayNumber, describeBadId, fail, intAt, isAbsent, isDate, isValidId, objAt, ordinal, printable, str, strAt,
} from './fields.js';

export const FILES = ['population.tsv', 'excluded.tsv', 'inspectors.tsv', 'conflicts.tsv', 'previous_teams.tsv'];
export const HASH_FIELD = {
    'population.tsv': 'populationHash', 'excluded.tsv': 'excludedHash', 'inspectors.tsv': 'inspectorsHash',
    'conflicts.tsv': 'conflictsHash', 'previous_teams.tsv': 'previousTeamsHash',
};
const INELIGIBLE = 'INELIGIBLE:';

/** Calls row(fields, lineNumber) for each line; returns the format problem (SnapshotFiles.ForEachRow) or null. */
export function forEachRow(text, columns, row) {
    if (text.length > 0 && text[text.length - 1] !== '\n') return 'last line is not terminated by LF';
    let previous = null, line = 0;
    for (let start = 0; start < text.length;) {
        const end = text.indexOf('\n', start);
        const current = text.slice(start, end);
        line++;
        const fields = current.split('\t');
        if (fields.length !== columns) return `line ${line} has ${fields.length} fields, expected ${columns}`;
        if (previous !== null && previous >= current) return `line ${line} is out of order or repeated`;
        previous = current;
        row(fields, line);
        start = end + 1;
    }
    return null;
}

/** The rows of a file already checked well-formed, one at a time. */
export function* lines(text) {
    for (let start = 0; start < text.length;) {
        const end = text.indexOf('\n', start);
        yield text.slice(start, end).split('\t');
        start = end + 1;
    }
}

export function eachRow(text, row) {
    let line = 0;
    for (const fields of lines(text)) row(fields, ++line);
}

function rows(text, file, columns, row) {
    const problem = forEachRow(text, columns, row);
    if (problem) throw fail(`snapshot.${file}: ${problem}`);
}

function number(text, file, line, column) {
    if (!/^(0|[1-9][0-9]{0,8})$/.test(text)) throw fail(`snapshot.${file}: line ${line}, ${column} "${printable(text)}" is not a decimal integer`);
    return Number(text);
}

function fileDate(text, file, line, column) {
    if (!isDate(text)) throw fail(`snapshot.${file}: line ${line}, ${column} "${printable(text)}" is not a date (yyyy-MM-dd)`);
    return text;
}

function integerMap(p, key) {
    if (isAbsent(p, key)) return null;
    const map = objAt(p, key, `inputs.params.${key}`);
    const out = new Map();
    for (const k of Object.keys(map).sort(ordinal)) out.set(k, intAt(map, k, `inputs.params.${key}.${k}`));
    return out;
}

export function definition(inputs, texts) {
    const p = objAt(inputs, 'params', 'inputs.params');
    const mode = strAt(p, 'mode', 'inputs.params.mode');
    if (!['SRS', 'STRATIFIED', 'WEIGHTED'].includes(mode)) throw fail(`inputs.params.mode: unknown mode ${printable(mode)}`);
    const k = isAbsent(p, 'k') ? null : intAt(p, 'k', 'inputs.params.k');
    const ratioPpm = integerMap(p, 'ratioPpm');
    const kByStratum = integerMap(p, 'kByStratum');
    const windowDays = count(p, 'windowDays', 'inputs.params.windowDays');
    const teamSize = count(p, 'teamSize', 'inputs.params.teamSize');
    const departments = arrAt(p, 'departments', 'inputs.params.departments').map((d, i) => str(d, `inputs.params.departments[${i}]`));
    const asOf = date(strAt(inputs, 'asOf', 'inputs.asOf'), 'inputs.asOf');
    const planEndDate = date(strAt(inputs, 'planEndDate', 'inputs.planEndDate'), 'inputs.planEndDate');

    const population = texts['population.tsv'];
    let frameSize = 0;
    rows(population, 'population.tsv', 3, (f, line) => { number(f[2], 'population.tsv', line, 'weight'); frameSize++; });
    const excluded = [];
    if (texts['excluded.tsv'] !== null) rows(texts['excluded.tsv'], 'excluded.tsv', 3, (f) => excluded.push(f));
    const inspectors = [];
    if (texts['inspectors.tsv'] !== null) {
        rows(texts['inspectors.tsv'], 'inspectors.tsv', 6, (f, line) => {
            if (f[2] !== '1' && f[2] !== '0') throw fail(`snapshot.inspectors.tsv: line ${line}, active "${printable(f[2])}" is not 1 or 0`);
            inspectors.push({
                id: f[0], dept: f[1], active: f[2] === '1', certValidTo: fileDate(f[3], 'inspectors.tsv', line, 'certValidTo'),
                load: number(f[4], 'inspectors.tsv', line, 'load'), cap: number(f[5], 'inspectors.tsv', line, 'cap'),
            });
        });
    }
    const conflicts = [];
    if (texts['conflicts.tsv'] !== null) rows(texts['conflicts.tsv'], 'conflicts.tsv', 2, (f) => conflicts.push(f));
    const previousTeams = new Map();
    if (texts['previous_teams.tsv'] !== null) {
        rows(texts['previous_teams.tsv'], 'previous_teams.tsv', 2, (f) => {
            if (!previousTeams.has(f[0])) previousTeams.set(f[0], []);
            previousTeams.get(f[0]).push(f[1]);
        });
    }
    return {
        mode, k, ratioPpm, kByStratum, windowDays, teamSize, departments, asOf, planEndDate, population, frameSize, excluded,
        excludedPublished: texts['excluded.tsv'] !== null, inspectors, conflicts, previousTeams,
    };
}

/**
 * draw-spec §4.1 (RecordSnapshot.CheckExclusions). Both files are sorted by line and their ids are valid by now, so
 * one merge walk over the frame finds an excluded id that is also in it.
 */
export function checkExclusions(d) {
    if (!d.excludedPublished || d.excluded.length === 0) return;
    const asOfDay = dayNumber(d.asOf);
    let pos = 0, frameId = nextId(d.population, 0);
    for (let i = 0; i < d.excluded.length; i++) {
        const [id, lastDrawId, lastSelected] = d.excluded[i];
        const at = `snapshot.excluded.tsv: line ${i + 1}`;
        if (!isValidId(id)) throw fail(`${at}: ${describeBadId(id)}`);
        if (lastSelected === '-') {
            if (!lastDrawId.startsWith(INELIGIBLE) || lastDrawId.length === INELIGIBLE.length) {
                throw fail(`${at}: "${printable(lastDrawId)}" must be ${INELIGIBLE}<reason> when the date is -`);
            }
        } else {
            if (!isValidId(lastDrawId)) throw fail(`${at}: lastDrawId ${describeBadId(lastDrawId)}`);
            const day = dayNumber(fileDate(lastSelected, 'excluded.tsv', i + 1, 'lastSelectedDate'));
            const days = asOfDay - day;
            if (days < 0) throw fail(`${at}: ${id} was selected on ${lastSelected}, after asOf ${d.asOf}`);
            if (days >= d.windowDays) throw fail(`${at}: ${id} was selected ${days} days before asOf, outside the ${d.windowDays}-day window`);
        }
        while (frameId !== null && frameId.id < id) {
            pos = frameId.next;
            frameId = nextId(d.population, pos);
        }
        if (frameId !== null && frameId.id === id) throw fail(`${at}: ${id} is also in population.tsv`);
    }
}

function nextId(text, start) {
    if (start >= text.length) return null;
    return { id: text.slice(start, text.indexOf('\t', start)), next: text.indexOf('\n', start) + 1 };
}
