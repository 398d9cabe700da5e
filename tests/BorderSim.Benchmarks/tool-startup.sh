#!/usr/bin/env bash
# Packs the tool twice for this machine's platform (ReadyToRun, as shipped, and plain JIT), installs both into a
# temporary tool path, and times them beside the built dll (tool-startup.py). Usage: tool-startup.sh [ROUNDS] [RID]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
rid=${2:-linux-x64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build BorderSim.sln -c Release -v q >/dev/null
dotnet pack src/BorderSim.Cli -c Release -o "$work/pkg-r2r" -p:ToolRids="$rid" -v q >/dev/null
dotnet pack src/BorderSim.Cli -c Release -o "$work/pkg-jit" -p:ToolRids="$rid" -p:PublishReadyToRun=false -v q >/dev/null
dotnet tool install --tool-path "$work/r2r" --add-source "$work/pkg-r2r" BorderSim >/dev/null
dotnet tool install --tool-path "$work/jit" --add-source "$work/pkg-jit" BorderSim >/dev/null
python3 tests/BorderSim.Benchmarks/tool-startup.py "$rounds" "$work"
