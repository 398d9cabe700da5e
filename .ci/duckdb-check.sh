#!/usr/bin/env bash
# DuckDB runs the query of docs/guides/fruit-season-batch.md on the batch.parquet dataset of the guide's batch
# and the table it prints must be the one the guide quotes. DuckDB.NET.Data.Full is a 110 MB package (natives
# for five platforms, 420 MB unpacked), so its test project is kept out of BorderSim.sln (the README's test command
# stays light); .ci/run runs this script after the tests (about 20 s with the download).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet test tests/BorderSim.DuckDbCheck -c Release
