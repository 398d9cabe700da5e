#!/usr/bin/env bash
# Per-launch medians from a BenchmarkDotNet log. On the shared VM a whole launch (one benchmark process)
# can run about 1.5x slower than the others, for every benchmark alike; BenchmarkDotNet's summary mixes
# the launches, so compare benchmarks launch by launch, fast with fast.
# Usage: dotnet run -c Release --project tests/BorderSim.Benchmarks -- --filter ... --launchCount 5 > bdn.log
#        tests/BorderSim.Benchmarks/launch-medians.sh bdn.log
set -euo pipefail

log="${1:?usage: launch-medians.sh BENCHMARKDOTNET_LOG}"
awk '
  /^\/\/ Benchmark: / { name = $0; sub(/^\/\/ Benchmark: [^.]*\./, "", name); sub(/: Job.*/, "", name) }
  /^\/\/ Launch: /    { launch = $3 }
  /^WorkloadActual /  { value = $NF == "ns/op" ? $(NF - 1) : $NF; sub(/ns\/op/, "", value); print name "\t" launch "\t" value }
' "$log" |
  sort -t$'\t' -k1,1 -k2,2n -k3,3g |
  awk -F'\t' '
    function flush() { if (n) printf "%-42s launch %s  median %7.1f ns  (%d iterations)\n", key, l, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2), n }
    { if ($1 != key || $2 != l) { flush(); key = $1; l = $2; n = 0 } v[++n] = $3 }
    END { flush() }
  '
