#!/usr/bin/env bash
# The cluster path on a real scheduler: a one-node Slurm cluster on this machine runs the array job of
# docs/guides/cluster-sweep.md (one shard per task, then the merge as a dependent job), and the merged
# batch.csv must equal, byte for byte, the batch.csv of the same plan run locally without shards.
#
# Installs Debian's slurm-wlm and munge when missing (apt-get, as root), starts munged, slurmctld and
# slurmd in the foreground of this script with their own configuration, socket, ports and spool in a
# temporary folder, and stops exactly those three processes (by the process ids recorded at their start)
# on every exit. .ci/run runs it last (11-37 s after the build on 2 cores, about 10 s more to install the packages).
#
#   bash .ci/slurm-check.sh            # builds the CLI if it is not built
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$(date +%s)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "slurm-check [$(( $(date +%s) - started )) s]: $*"; }

# The plan: the sweep of the guide's "Shards on one machine" section, three shards.
SHARDS=3
PLAN=(scenarios/validation/mmc.yaml --sweep directions.inbound.arrivals.trucks_per_day=420:560:20 --replications 3 --days 10)

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  say "installing Debian's slurm-wlm and munge"
  # Debian's maintainer scripts would start the packages' own services: keep them from it while installing.
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
  if [ "$made_policy" = 1 ]; then rm -f "$policy"; fi
fi
say "$(slurmctld -V), $(munged --version 2>&1 | head -1 | awk '{print $1}')"

cli=src/BorderSim.Cli/bin/Release/net10.0/bordersim.dll
if [ ! -f "$cli" ]; then
  say "building the CLI"
  dotnet build src/BorderSim.Cli -c Release -v q >/dev/null
fi

work=$(mktemp -d /tmp/bordersim-slurm.XXXXXX)
chmod 700 "$work"
pids=()
stop_daemons() {
  local status=$?
  if command -v scancel >/dev/null && [ -f "$work/slurm.conf" ]; then
    SLURM_CONF="$work/slurm.conf" scancel --quiet --user root 2>/dev/null || true
  fi
  # Latest first: slurmd, slurmctld, munged; each by the process id recorded when it was started.
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  left=()
  for pid in "${pids[@]}"; do if kill -0 "$pid" 2>/dev/null; then left+=("$pid"); fi; done
  if [ ${#left[@]} -gt 0 ]; then echo "slurm-check: still running: ${left[*]}" >&2; status=1; fi
  if [ ${#pids[@]} -gt 0 ]; then echo "slurm-check: stopped ${#pids[@]} daemons (pids ${pids[*]}); nothing left running"; fi
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else echo "slurm-check: logs kept in $work" >&2; fi
  exit "$status"
}
trap stop_daemons EXIT
trap 'exit 130' INT TERM

# munge: a key, socket, pid and log of its own.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/bin" "$work/out"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --foreground --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" \
  > "$work/munge/stdout.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.socket" ] || { echo "slurm-check: munged did not start:" >&2; cat "$work/munge/"*.log >&2; exit 1; }

node=$(hostname -s)
cpus=$(nproc)
cat > "$work/slurm.conf" <<EOF
ClusterName=bordersim-check
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=check Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" > "$work/slurmctld.stdout" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" > "$work/slurmd.stdout" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  if sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)'; then break; fi
  sleep 0.2
done
sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' || { echo "slurm-check: the node did not come up:" >&2; tail -20 "$work"/slurm*.log >&2; exit 1; }
say "one-node cluster up: $(sinfo -h -o '%P %D node(s) %c cpus %T')"

# `bordersim` on the PATH of the jobs (sbatch exports the environment).
printf '#!/bin/sh\nexec dotnet %q "$@"\n' "$repo/$cli" > "$work/bin/bordersim"
chmod 755 "$work/bin/bordersim"
export PATH="$work/bin:$PATH"

# The guide's array job, with this check's small plan: one shard per task, N tasks.
quoted_plan=$(printf '%q ' "${PLAN[@]}")
cat > "$work/sweep.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=fruit-sweep
#SBATCH --array=0-$((SHARDS - 1))
#SBATCH --cpus-per-task=1
#SBATCH --time=00:30:00
#SBATCH --output=$work/out/shard-%a.log
N=$SHARDS
bordersim batch $quoted_plan \\
  --threads "\$SLURM_CPUS_PER_TASK" --shard \$((SLURM_ARRAY_TASK_ID+1))/\$N -o shards/\$SLURM_ARRAY_TASK_ID
EOF
cd "$work"
ln -s "$repo/scenarios" scenarios
jid=$(sbatch --parsable sweep.sbatch)
mid=$(sbatch --parsable --dependency=afterok:"$jid" --output="$work/out/merge.log" --wrap "bordersim merge shards/* -o results/fruit-sweep")
say "submitted array job $jid ($SHARDS shards) and merge job $mid (afterok)"

deadline=$(( $(date +%s) + 900 ))
while squeue -h -j "$jid,$mid" 2>/dev/null | grep -q .; do
  if [ "$(date +%s)" -gt "$deadline" ]; then echo "slurm-check: jobs not done in 15 min:" >&2; squeue >&2; exit 1; fi
  sleep 1
done
for f in out/shard-*.log out/merge.log; do echo "--- $f"; cat "$f"; done
[ -f results/fruit-sweep/batch.csv ] || { echo "slurm-check: the merge job wrote no batch.csv" >&2; exit 1; }
say "Slurm jobs done; now the same plan as one local batch"

dotnet "$repo/$cli" batch "${PLAN[@]}" -o local > out/local.log 2>&1 || { cat out/local.log >&2; exit 1; }
if cmp results/fruit-sweep/batch.csv local/batch.csv && diff -r results/fruit-sweep/batch.parquet local/batch.parquet; then
  say "OK: batch.csv and batch.parquet/ merged from $SHARDS Slurm array tasks are byte-identical to the local batch's ($(wc -l < local/batch.csv) lines, sha256 $(sha256sum local/batch.csv | cut -c1-16); $(find local/batch.parquet -type f -name '*.parquet' | wc -l) Parquet files)"
else
  echo "slurm-check: FAILED: the merged batch.csv or batch.parquet/ differs from the local batch" >&2
  diff results/fruit-sweep/batch.csv local/batch.csv | head -20 >&2
  exit 1
fi
