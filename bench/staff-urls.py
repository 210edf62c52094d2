#!/usr/bin/env python3
"""URL mix for bench/staff-load.sh, sampled from a SpotCheck SQLite database: staff home, enterprise search (first page,
name prefix, exact USCC, region + risk filters, deep numbered and keyset pages), task and officer lists with deep
pages, and detail pages of enterprises, tasks and officers. Usage: staff-urls.py DB [COUNT=2000] > urls.txt, or staff-urls.py DB --counts"""
import random, sqlite3, sys, urllib.parse

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
if sys.argv[2:] == ["--counts"]:
    counts = [(t, db.execute('SELECT COUNT(*) FROM "%s"' % t).fetchone()[0]) for t in ("Enterprises", "InspectionTasks", "Officers")]
    print(", ".join(f"{n:,} {t}" for t, n in counts))
    sys.exit(0)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rng = random.Random(12)
one = lambda sql: db.execute(sql).fetchone()[0]
max_ent, max_task, max_off = one('SELECT MAX("Id") FROM "Enterprises"'), one('SELECT MAX("Id") FROM "InspectionTasks"'), one('SELECT MAX("Id") FROM "Officers"')
tasks, officers = one('SELECT COUNT(*) FROM "InspectionTasks"'), one('SELECT COUNT(*) FROM "Officers"')

def enterprise():
    return db.execute('SELECT "Id", "Name", "Uscc", "RegionCode" FROM "Enterprises" WHERE "Id" >= ? ORDER BY "Id" LIMIT 1',
                      (rng.randint(1, max_ent),)).fetchone()

def task_id():
    return one(f'SELECT "Id" FROM "InspectionTasks" WHERE "Id" >= {rng.randint(1, max_task)} ORDER BY "Id" LIMIT 1')

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
    lambda: f"/Staff/Tasks?p={rng.randint(2, max(2, tasks // 50))}",
    lambda: f"/Staff/Tasks/Details/{task_id()}",
    lambda: "/Staff/Officers",
    lambda: f"/Staff/Officers?p={rng.randint(2, max(2, officers // 50))}",
    lambda: f"/Staff/Officers/Details/{rng.randint(1, max_off)}",
    lambda: "/Staff/Plans",
]
for i in range(count):
    print(kinds[i % len(kinds)]())
