# Start-up of the installed tool, JIT against ReadyToRun, beside the built dll: --version, the first output of a
# 3-day run of the 6-lane scenario and the whole run, with and without plots; medians of N interleaved rounds (so
# that the machine's load falls on every variant alike). Run through tool-startup.sh, which packs and installs.
import subprocess, time, statistics, os, sys, selectors
tools = sys.argv[2]
variants = {
  'dll (dotnet bordersim.dll)': ['dotnet', 'src/BorderSim.Cli/bin/Release/net10.0/bordersim.dll'],
  'tool, JIT': [os.path.join(tools, 'jit', 'bordersim')],
  'tool, ReadyToRun': [os.path.join(tools, 'r2r', 'bordersim')],
}
def first_output_and_total(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    sel.register(p.stdout, selectors.EVENT_READ); sel.register(p.stderr, selectors.EVENT_READ)
    first = None
    open_ = 2
    while open_:
        for key, _ in sel.select():
            data = os.read(key.fileobj.fileno(), 65536)
            if not data:
                sel.unregister(key.fileobj); open_ -= 1
            elif first is None:
                first = time.perf_counter() - t0
    p.wait()
    return first, time.perf_counter() - t0
res = {k: {'ver': [], 'first': [], 'run': [], 'runplots': []} for k in variants}
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
    for k, base in variants.items():
        _, t = first_output_and_total(base + ['--version']); res[k]['ver'].append(t)
        f, t = first_output_and_total(base + ['run', 'scenarios/huu-nghi-6-lanes.yaml', '--days', '3', '--no-plots', '-o', os.path.join(tools, 'out-' + k.split()[-1])])
        res[k]['first'].append(f); res[k]['run'].append(t)
        f, t = first_output_and_total(base + ['run', 'scenarios/huu-nghi-6-lanes.yaml', '--days', '3', '-o', os.path.join(tools, 'plots-' + k.split()[-1])])
        res[k]['runplots'].append(t)
for k, r in res.items():
    print(f"{k:28s} --version {statistics.median(r['ver']):.3f} s | run: first output {statistics.median(r['first']):.3f} s, whole {statistics.median(r['run']):.3f} s | with plots {statistics.median(r['runplots']):.3f} s  (medians of {len(r['ver'])})")
