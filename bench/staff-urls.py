#!/usr/bin/env python3
"""URL mix for bench/staff-load.sh, sampled from a SpotCheck database: staff home, enterprise search (first page, name
prefix, exact USCC, region + risk filters, deep numbered and keyset pages), task and officer lists with deep pages, and
detail pages of enterprises, tasks and officers. DB is a SQLite file or an Npgsql connection string ("Host=…;Database=…",
read with psql). Usage: staff-urls.py DB [COUNT=2000] > urls.txt, or staff-urls.py DB --counts"""
import random, sqlite3, subprocess, sys, urllib.parse

source = sys.argv[1]
if source.startswith("Host="):
    pg = dict(kv.split("=", 1) for kv in source.split(";") if "=" in kv)

    def rows(sql):
        out = subprocess.run(["psql", "-h", pg["Host"], "-p", pg.get("Port", "5432"), "-U", pg.get("Username", "postgres"),
                              "-d", pg["Database"], "-At", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines()]
else:
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    rows = lambda sql: [tuple(str(v) for v in r) for r in db.execute(sql).fetchall()]
one = lambda sql: int(rows(sql)[0][0] or 0)
if sys.argv[2:] == ["--counts"]:
    counted = [(one('SELECT COUNT(*) FROM "%s"' % t), t) for t in ("Enterprises", "InspectionTasks", "Officers")]
    print(", ".join(f"{n:,} {t}" for n, t in counted))
    sys.exit(0)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rng = random.Random(12)
max_ent, max_task, max_off = one('SELECT MAX("Id") FROM "Enterprises"'), one('SELECT MAX("Id") FROM "InspectionTasks"'), one('SELECT MAX("Id") FROM "Officers"')
tasks, officers = one('SELECT COUNT(*) FROM "InspectionTasks"'), one('SELECT COUNT(*) FROM "Officers"')
# Random rows sampled up front in one query per table (a query per URL would take minutes through psql).
sample = lambda table, columns, top: rows(f'SELECT {columns} FROM "{table}" WHERE "Id" IN ({",".join(str(rng.randint(1, top)) for _ in range(count))})')
enterprises = sample("Enterprises", '"Id", "Name", "Uscc", "RegionCode"', max_ent)
task_ids = [r[0] for r in sample("InspectionTasks", '"Id"', max_task)] or ["1"]
enterprise = lambda: rng.choice(enterprises)

q = urllib.parse.quote
kinds = [
    lambda: "/Staff",
    lambda: "/Staff/Enterprises",
    # A clerk types a fragment of the name: a rare one (digits of this enterprise) or a common word (有限公司).
    lambda: f"/Staff/Enterprises?Name={q(rng.choice([(n := enterprise()[1])[6:13], n[:4], '有限公司']))}",
    lambda: f"/Staff/Enterprises?Uscc={enterprise()[2]}",
    lambda: f"/Staff/Enterprises?Region={enterprise()[3]}&Risk={rng.choice('ABCD')}",
    lambda: f"/Staff/Enterprises?p={rng.randint(2, 200)}",
    lambda: f"/Staff/Enterprises?after={rng.randint(1, max_ent)}",
    lambda: f"/Staff/Enterprises/Details/{enterprise()[0]}",
    lambda: "/Staff/Tasks",
    lambda: f"/Staff/Tasks?p={rng.randint(2, max(2, min(200, tasks // 50)))}",
    lambda: f"/Staff/Tasks?after={rng.choice(task_ids)}",
    lambda: f"/Staff/Tasks/Details/{rng.choice(task_ids)}",
    lambda: "/Staff/Officers",
    lambda: f"/Staff/Officers?p={rng.randint(2, max(2, officers // 50))}",
    lambda: f"/Staff/Officers/Details/{rng.randint(1, max_off)}",
    lambda: "/Staff/Plans",
]
for i in range(count):
    print(kinds[i % len(kinds)]())
