#!/usr/bin/env python3
"""Writes N synthetic enterprise rows in the SPEC §4 import layout (UTF-8 csv with BOM and header) to stdout.

USCCs: prefix 91, region 411721, organisation body "BM" + 6 digits (base-31 spread), GB 11714 inner check and
GB 32100 check character, so every row is valid; the import validates them again with the product's own code.
"""
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
VALUE = {c: i for i, c in enumerate(ALPHABET)}


def org_check(body):
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, ORG_WEIGHTS))
    c = 11 - s % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(serial):
    body = "BM" + "%06d" % (serial % 1000000)
    first = "91" + "%06d" % (411700 + serial // 1000000 + 21) + body + org_check(body)
    return first + ALPHABET[(31 - sum(VALUE[c] * w for c, w in zip(first, WEIGHTS)) % 31) % 31]


def main():
    n = int(sys.argv[1])
    out = sys.stdout
    out.write("\ufeff统一社会信用代码,名称,行政区划代码,地址,行业标签,信用风险分类,经营异常名录,严重违法失信,登记状态,联系人,联系电话\n")
    tags = ["汽车产品销售", "煤炭经营", "汽车产品生产;汽车产品销售", "煤炭经营;危险化学品"]
    risks = "AABBBBBCCD"
    rows = []
    for i in range(n):
        rows.append("%s,基准测试企业%07d有限公司,411721,河南省驻马店市西平县基准大道%d号,%s,%s,%s,否,存续,联络人%d,0396-%07d\n" % (
            uscc(i), i, i, tags[i % 4], risks[i % 10], "是" if i % 97 == 0 else "否", i, i % 10000000))
        if len(rows) == 10000:
            out.write("".join(rows))
            rows.clear()
    out.write("".join(rows))


if __name__ == "__main__":
    main()
