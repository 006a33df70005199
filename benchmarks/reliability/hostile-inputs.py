#!/usr/bin/env python3
"""Runs the built newsextract CLI as a separate process on the hostile inputs of issue 15 and prints the
reliability table of benchmarks/README.md: per case the inputs, exit code, records out vs inputs in, peak RSS
(the CLI process's VmHWM, read from /proc while it runs: Linux) and wall time.

    dotnet build NewsExtract.sln -c Release
    python3 benchmarks/reliability/hostile-inputs.py [path/to/NewsExtract.Cli.dll]

Linux or macOS (FIFOs, signals, /dev/zero). As root, the unreadable-folder case runs the CLI as user nobody
(setpriv), since root reads every folder. Inputs are made in a temporary folder that is removed at the end.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src/NewsExtract.Cli/bin/Release/net10.0/NewsExtract.Cli.dll")
ARTICLE = ("KUPANG (ANTARA) - Komisi Pemilihan Umum (KPU) Kota Kupang menetapkan dua pasangan calon wali kota "
           "pada Senin (23/9/2024).")
ROWS = []


def run(argv, stdin=None, shell=False, on_start=None, timeout=600):
    """Runs a command; returns (exit code, stdout, stderr, peak RSS in MB, seconds). A signal death is 128+N."""
    started = time.time()
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, stdin=stdin if stdin is not None else subprocess.DEVNULL, stdout=out, stderr=err,
                            shell=shell, env=dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1"))
    peak = watch_rss(proc.pid)
    if on_start:
        on_start(proc)
    code = proc.wait(timeout)
    code = code if code >= 0 else 128 - code
    out.seek(0)
    err.seek(0)
    return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), peak() / 1024, time.time() - started


def watch_rss(pid):
    """Samples /proc/PID/status VmHWM (peak RSS in kB; it starts over at exec) until the process ends."""
    peak = [0]

    def sample():
        while True:
            try:
                with open(f"/proc/{pid}/status") as f:
                    fields = dict(line.split(":", 1) for line in f if ":" in line)
                if fields.get("State", "").split()[:1] == ["Z"]:
                    return
                # Only once the process is dotnet: before exec it is a copy of this script (or of sh).
                if fields.get("Name", "").strip() == "dotnet" and "VmHWM" in fields:
                    peak[0] = max(peak[0], int(fields["VmHWM"].split()[0]))
            except OSError:
                return
            time.sleep(0.01)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    return lambda: (t.join(), peak[0])[1]


def cli(*args):
    return ["dotnet", CLI, "extract", *args]


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def row(item, case, inputs_in, result, note="", out=None):
    code, stdout, _, rss, secs = result
    got = len(records(stdout)) if out is None else out
    ROWS.append(f"| {item} | {case} | {code} | {got} / {inputs_in} | {rss:.0f} MB | {secs:.1f} s | {note} |")


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)
    return path


def crawl(path, lines, text=ARTICLE + " " + ARTICLE):
    with open(path, "w") as f:
        for i in range(lines):
            f.write(json.dumps({"url": f"https://x.id/{i}", "text": text}) + "\n")
    return path


def page(body, head=""):
    return f"<html><head>{head}<title>Pengundian</title><link rel=\"canonical\" href=\"/b/1\"></head><body><article><p>{body}</p></article></body></html>"


def kept():
    old = open("out/records.jsonl").read() == "old\n"
    return f"old file kept: {old}; files left: {', '.join(sorted(os.listdir('out')))}"


def main():
    if not os.path.exists(CLI):
        sys.exit(f"{CLI} not found: build the solution (Release) first, or pass the CLI's dll.")
    tmp = tempfile.mkdtemp(prefix="newsextract-hostile-")
    os.chmod(tmp, 0o755)  # the unreadable-folder case may run as another user
    try:
        os.chdir(tmp)
        good = write("good.txt", ARTICLE)
        good2 = write("good2.txt", ARTICLE.replace("Kupang", "Kediri"))

        # 1. malformed crawl URLs
        write("u.jsonl", "".join(json.dumps({"url": u, "html": page(ARTICLE)}) + "\n" for u in ["", "u", "www.kompas.com/a", "http://a b"]))
        row(1, "crawl lines with url `\"\"`, `u`, `www.kompas.com/a`, `http://a b` between two good files", 6, run(cli(good, "u.jsonl", good2)))

        # 2. lone surrogates
        write("s.jsonl", '{"url":"a","text":"x \\ud800 KPU"}\n{"url":"b","text":"\\udc00 y","title":"t \\udbff"}\n{"url":"c","text":"ok"}\n')
        row(2, "JSONL strings with `\\ud800`, `\\udc00`, `\\udbff` alone", 3, run(cli("s.jsonl")), "read as U+FFFD, with a warning")

        # 3. UTF-7 charsets
        for i, cs in enumerate(["utf-7", "csUnicode11UTF7", "unicode-1-1-utf-7"]):
            write(f"u7-{i}.html", page(ARTICLE, f'<meta charset="{cs}">'))
        row(3, "pages declaring `utf-7`, `csUnicode11UTF7`, `unicode-1-1-utf-7`, then a good file", 4,
            run(cli("u7-0.html", "u7-1.html", "u7-2.html", good)), "read as an unknown charset, with a warning")

        # 4. exit codes; an input that made the date rules throw
        write("rel.txt", "Pilkada digelar besok, Senin (23/9), dan kemarin KPU Kota Blitar rapat.")
        row(4, "`--published 9999-12-31` on relative dates (threw in DateStage)", 1, run(cli("rel.txt", "--published", "9999-12-31")))
        row(4, "a missing file between two good ones (some inputs failed)", 3, run(cli(good, "missing.txt", good2)))
        row(4, "`--threads 0` (usage)", 0, run(cli(good, "--threads", "0")))

        # 5. folder links and an unreadable folder
        os.makedirs("d/sub"); os.makedirs("d/locked")
        write("d/a.txt", ARTICLE); write("d/sub/b.txt", ARTICLE); write("d/locked/c.txt", ARTICLE)
        os.symlink(".", "d/self"); os.symlink("..", "d/sub/up"); os.chmod("d/locked", 0)
        as_nobody = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"] if os.geteuid() == 0 else []
        row(5, "folder with `self -> .`, `sub/up -> ..` and an unreadable subfolder" + (" (run as nobody)" if as_nobody else ""),
            3, run(as_nobody + cli("d")), "links skipped (noted on stderr), error record for the folder")
        os.chmod("d/locked", 0o755)

        # 6. FIFO and devices
        os.mkfifo("fifo.txt")
        row(6, "good, `/dev/zero`, a FIFO, good", 4, run(cli(good, "/dev/zero", "fifo.txt", good2)), "error records: device, FIFO")
        row(6, "`-` with standard input from `/dev/zero`, then good", 2, run(cli("-", good), stdin=open("/dev/zero", "rb")),
            "refused at --max-bytes while reading")

        # 7. signals and a failed write during --output
        crawl("big.jsonl", 20_000)
        os.makedirs("out")
        for sig, name in [(signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM"), (signal.SIGHUP, "SIGHUP")]:
            write("out/records.jsonl", "old\n")

            def send(proc, sig=sig):
                deadline = time.time() + 60
                while time.time() < deadline and not any(f.startswith(".records.jsonl.") and os.path.getsize(os.path.join("out", f)) > 0 for f in os.listdir("out")):
                    time.sleep(0.05)
                os.kill(proc.pid, sig)
            result = run(cli("big.jsonl", "-o", "out/records.jsonl"), on_start=send)
            row(7, f"{name} during `-o` on a 20,000-line crawl", 20_000, result, kept(), out=0)
        write("out/records.jsonl", "old\n")
        result = run(f"trap '' XFSZ; ulimit -f 16; DOTNET_EnableWriteXorExecute=0 exec dotnet '{CLI}' extract big.jsonl -o out/records.jsonl", shell=True)
        row(7, "write fails past 16 blocks (`ulimit -f`, EFBIG as a full disk gives ENOSPC)", 20_000, result, kept(), out=0)

        # 8. --output targets
        write("real.jsonl", "old\n"); os.symlink("real.jsonl", "link.jsonl")
        result = run(cli(good, "-o", "link.jsonl"))
        row(8, "`-o link.jsonl` (a link to real.jsonl)", 1, result,
            f"link kept: {os.path.islink('link.jsonl')}; real.jsonl lines: {len(open('real.jsonl').read().splitlines())}", out=len(open('real.jsonl').read().splitlines()))
        os.mkfifo("out.fifo")
        reader = subprocess.Popen(["cat", "out.fifo"], stdout=subprocess.PIPE)
        result = run(cli(good, "-o", "out.fifo"))
        got = reader.communicate()[0].decode().splitlines()
        row(8, "`-o out.fifo` (a FIFO, read by cat)", 1, result, f"still a FIFO: {not os.path.isfile('out.fifo')}", out=len(got))
        row(8, "`-o` an existing folder", 1, run(cli(good, "-o", "out")), "usage error before any work")
        row(8, "`-o no/such/out.jsonl`", 1, run(cli(good, "-o", "no/such/out.jsonl")), "usage error before any work")

        # 9. closed standard output
        started = time.time()
        proc = subprocess.Popen(cli("big.jsonl"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak = watch_rss(proc.pid)
        proc.stdout.readline(); proc.stdout.close()
        code = proc.wait()
        err = proc.stderr.read().decode()
        ROWS.append(f"| 9 | `extract big.jsonl \\| head -n1` (20,000 lines) | {code} | 1 / 20000 | {peak() / 1024:.0f} MB | "
                    f"{time.time() - started:.1f} s | stops at the closed pipe; stderr {'empty' if not err else 'not empty'} |")

        # 10. size and time bounds
        big_stdin = subprocess.Popen("head -c 630000000 /dev/zero | tr '\\0' a", shell=True, stdout=subprocess.PIPE)
        row(10, "630 MB on standard input (was 2.4 GB RSS)", 1, run(cli("-"), stdin=big_stdin.stdout), "refused at --max-bytes (16 MiB)")
        big_stdin.stdout.close(); big_stdin.kill()
        write("dense.html", "<html><body>" + "<b>a</b>" * 2_000_000 + "</body></html>")
        row(10, "16 MB page of `<b>a</b>` (was ~150 MB RSS per MB)", 1, run(cli("dense.html")), "100,000-element cap, with a warning")
        write("names.txt", " ".join(["Ahmad-Sahroni"] * 200_000))
        row(10, "200,000 hyphenated names (2.8 M chars; was 47.6 s at this size)", 1, run(cli("names.txt")))
        write("regions.txt", " ".join(["Kabupaten Ngada, Nusa Tenggara Timur."] * 50_000))
        row(10, "a region phrase 50,000 times (1.9 M chars; was 47.6 s)", 1, run(cli("regions.txt")))
        write("pairs.txt", " ".join(["pasangan calon nomor urut 1 Santoso-Tjutjuk Soenario diusung PDIP dan Gerindra."] * 50_000))
        row(10, "a pair sentence 50,000 times (4 M chars)", 1, run(cli("pairs.txt")))
        for i in range(16):
            write(f"p{i:02}.html", "<html><body><article>" + ("<p>" + ARTICLE + "</p>") * 4_000 + "</article></body></html>")
        row(10, "16 pages of 0.5 MB, `--threads 4`", 16, run(cli(*[f"p{i:02}.html" for i in range(16)], "--threads", "4")),
            "at most 8 inputs in memory")

        # 11. CSV formulas
        write("f.jsonl", json.dumps({"url": "@SUM(A1)", "title": "=HYPERLINK(\"http://x\")", "text": ARTICLE}) + "\n"
              + json.dumps({"url": "+cmd", "title": "-2+3", "text": ARTICLE}) + "\n")
        result = run(cli("f.jsonl", "-f", "csv"))
        neutral = all(x in result[1] for x in ["\"'@SUM(A1)\"", "\"'+cmd\"", "\"'-2+3\""])
        row(11, "CSV of titles/urls `=HYPERLINK(...)`, `@SUM(A1)`, `+cmd`, `-2+3`", 2, result, f"cells start with `'`: {neutral}",
            out=len(result[1].splitlines()) - 1)

        # 12. deep JSON and invalid UTF-8 in a line
        with open("deep.jsonl", "wb") as f:
            f.write(("{\"url\":\"1\",\"meta\":" + "[" * 500 + "]" * 500 + ",\"text\":\"" + ARTICLE + "\"}\n").encode())
            f.write(b"{\"url\":\"2\",\"text\":\"caf\xe9 KPU\"}\n")
        row(12, "a line with a field nested 500 deep; a line with a windows-1252 byte", 2, run(cli("deep.jsonl")), "U+FFFD with a warning")

        # all together
        row("all", "good, /dev/zero, good, FIFO, u.jsonl (4), s.jsonl (3), good, 3 UTF-7 pages, folder d, dense.html, missing, good",
            21, run(cli(good, "/dev/zero", good2, "fifo.txt", "u.jsonl", "s.jsonl", good, "u7-0.html", "u7-1.html", "u7-2.html",
                        "d", "dense.html", "missing.txt", good2, "--threads", "2")), "every good input has its record")
    finally:
        os.chdir("/")
        shutil.rmtree(tmp, ignore_errors=True)
    print("| item | case | exit | records out / in | peak RSS | time | note |")
    print("|---|---|---|---|---|---|---|")
    for r in ROWS:
        print(r)


if __name__ == "__main__":
    main()
