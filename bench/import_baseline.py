#!/usr/bin/env python3
"""The baseline of bench/import-vs-python.sh: a plain Python csv + sqlite3 load of an enterprise file into the same
"Enterprises" and "EnterpriseTags" tables of a SpotCheck database (its indexes and name-index triggers in place), in one
transaction. No validation beyond what the mapping needs. Usage: import_baseline.py CSV DB"""
import csv, datetime, sqlite3, sys

STATUS = {"存续": "Active", "在业": "Active", "注销": "Deregistered", "吊销": "Revoked", "迁出": "MovedOut"}
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("PRAGMA cache_size = -262144")
db.execute("BEGIN")
next_id = (db.execute('SELECT MAX("Id") FROM "Enterprises"').fetchone()[0] or 0) + 1
rows, tags = [], []
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    for uscc, name, region, address, tag_text, risk, abnormal, serious, status, contact, phone in reader:
        rows.append((next_id, 0, name, uscc, region, address, risk, abnormal == "是", serious == "是", STATUS[status], contact, phone, 0, now, now))
        tags.extend((next_id, t) for t in tag_text.split(";") if t)
        next_id += 1
db.executemany('INSERT INTO "Enterprises" ("Id", "RowVersion", "Name", "Uscc", "RegionCode", "Address", "RiskClass", "AbnormalList", '
               '"SeriousViolation", "Status", "ContactName", "ContactPhone", "IsDemo", "CreatedAtUtc", "UpdatedAtUtc") '
               'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', rows)
db.executemany('INSERT INTO "EnterpriseTags" ("EnterpriseId", "Tag") VALUES (?, ?)', tags)
db.execute("COMMIT")
print(f"{len(rows)} rows, {len(tags)} tags")
