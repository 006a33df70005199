#!/bin/sh
# Start-up of the CLI as a process: N starts (default 9) of `extract ONE.txt`, median wall time (process start to the
# record written and the process gone) and median CPU time (user + system; what the start costs on a shared machine).
#   benchmarks/startup.sh [CLI.dll] [N] [ONE.txt]
# CLI.dll defaults to the Release build; give a published one (dotnet publish src/NewsExtract.Cli -c Release -r linux-x64 -o DIR)
# to measure the ReadyToRun tool.
set -eu
cli=${1:-src/NewsExtract.Cli/bin/Release/net10.0/NewsExtract.Cli.dll}
n=${2:-9}
one=${3:-corpus/seed/seed-000.txt}
log=$(mktemp)
i=0
while [ "$i" -lt "$n" ]; do
  /usr/bin/time -a -o "$log" -f '%e %U %S' dotnet "$cli" extract "$one" --quiet > /dev/null
  i=$((i + 1))
done
wall=$(awk '{print $1}' "$log" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$log" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "$cli: $n starts, median wall $wall s, median CPU $cpu s (load average $(cut -d' ' -f1 /proc/loadavg))"
rm -f "$log"
