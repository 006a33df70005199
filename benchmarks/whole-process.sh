#!/bin/sh
# Whole process on one core (issue 19's text target): COPIES plain-text articles (the corpus/seed texts repeated, default
# 5,000) as one JSONL file through `extract` under `taskset -c 0`, start-up included; prints articles per CPU-second
# (user + system) and per wall second, and the load average (the machine may be shared: CPU time is the figure that counts).
#   benchmarks/whole-process.sh [CLI.dll] [COPIES]
set -eu
cli=${1:-src/NewsExtract.Cli/bin/Release/net10.0/NewsExtract.Cli.dll}
copies=${2:-5000}
input=$(mktemp --suffix=.jsonl)
python3 - "$input" "$copies" <<'PY'
import glob, json, sys
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob("corpus/seed/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[2])):
        out.write(json.dumps({"url": f"https://example.com/{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
log=$(mktemp)
/usr/bin/time -o "$log" -f '%e %U %S' taskset -c 0 dotnet "$cli" extract "$input" --quiet > /dev/null
awk -v n="$copies" -v cli="$cli" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
  '{cpu = $2 + $3; printf "%s: %d articles, %.1f CPU-s = %.0f articles per CPU-second; %.1f s wall = %.0f articles/s (load average %s)\n", cli, n, cpu, n / cpu, $1, n / $1, load}' "$log"
rm -f "$input" "$log"
