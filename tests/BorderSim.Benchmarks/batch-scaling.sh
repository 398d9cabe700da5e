#!/usr/bin/env bash
# Batch scaling: the same 20-run batch with --threads 1 and --threads 2, timed, and the speed-up.
# Each run is single-threaded (its replications one after another), so --threads is the number of runs at once.
# Usage: tests/BorderSim.Benchmarks/batch-scaling.sh [SCENARIO] [DAYS]
#   default: scenarios/huu-nghi-6-lanes.yaml for 120 days (its own 5 replications), 20 seeds (--sweep seed=1:20:1).
# Run from the repository root on a quiet machine: other builds running at the same time lower the speed-up.
set -euo pipefail

scenario="${1:-scenarios/huu-nghi-6-lanes.yaml}"
days="${2:-120}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

dotnet build src/BorderSim.Cli -c Release -v quiet -nologo > /dev/null
bordersim="src/BorderSim.Cli/bin/Release/net10.0/bordersim"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "batch: $scenario, --days $days, --sweep seed=1:20:1 (20 runs)"

# Wall, user and system seconds; CPU/wall shows how many cores the batch really got (less than 2 when others load the machine).
TIMEFORMAT='%R %U %S'
declare -A seconds
for threads in 1 2; do
  # A fresh directory each time: an existing one would resume and skip every finished run.
  out="$work/threads-$threads"
  read -r wall user sys < <( { time "$bordersim" batch "$scenario" --sweep seed=1:20:1 --days "$days" \
      --threads "$threads" -o "$out" > /dev/null 2>&1; } 2>&1 )
  seconds[$threads]=$wall
  awk -v t="$threads" -v w="$wall" -v u="$user" -v s="$sys" \
    'BEGIN { printf "--threads %s: %.1f s wall, %.1f s CPU (%.2f cores busy)\n", t, w, u + s, (u + s) / w }'
done

cmp -s "$work/threads-1/batch.csv" "$work/threads-2/batch.csv" && echo "batch.csv byte-identical for 1 and 2 threads" \
  || { echo "batch.csv DIFFERS between 1 and 2 threads"; exit 1; }
awk -v a="${seconds[1]}" -v b="${seconds[2]}" 'BEGIN { printf "speed-up: %.2fx (goal >= 1.8x on 2 cores)\n", a / b }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
