"""Signs in, starts a background list export on /Staff/Export, prints the progress panel each second, downloads the file.
Usage: export_progress.py BASE USER PASSWORD KIND FORMAT OUT_FILE"""
import http.cookiejar, re, sys, time, urllib.parse, urllib.request

base, user, password, kind, fmt, out = sys.argv[1:7]
jar = http.cookiejar.CookieJar()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def get(path):
    with opener.open(base + path) as r:
        return r.read()


def post(path, fields, page):
    token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', get(page)).group(1).decode()
    data = urllib.parse.urlencode({**fields, "__RequestVerificationToken": token}).encode()
    try:
        opener.open(base + path, data)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
        return e.headers["Location"]
    raise SystemExit(f"POST {path}: expected a redirect")


post("/Account/Login", {"Input.UserName": user, "Input.Password": password}, "/Account/Login")
started = time.monotonic()
location = post("/Staff/Export?handler=Start", {"kind": kind, "format": fmt}, "/Staff/Export")
job = re.search(r"job=([0-9a-f]{32})", location).group(1)
while True:
    panel = get(f"/Staff/Export?handler=Status&job={job}").decode()
    status = re.sub(r"\s+", " ", re.search(r'id="export-status">(.*?)</p>', panel, re.S).group(1))
    print(f"{time.monotonic() - started:6.1f} s  {status}", flush=True)
    if "正在导出" not in status:
        break
    time.sleep(1)
body = get(f"/Staff/Export?handler=File&job={job}")
with open(out, "wb") as f:
    f.write(body)
print(f"{time.monotonic() - started:6.1f} s  downloaded {len(body) / 1e6:.1f} MB")
