#!/usr/bin/env python3
"""Times LiteLLM's proposed fix (PR #27601): any(fnmatch.fnmatch(model, p) for p in allowed), after the exact
test, over the shared workload's 1,000 patterns and 100,000 model names. Prints ns per decision."""
import fnmatch, os, sys, time

folder = sys.argv[1]
patterns = [l for l in open(os.path.join(folder, "patterns.txt")).read().splitlines() if l]
models = [l for l in open(os.path.join(folder, "models.txt")).read().splitlines() if l]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else len(models)
models = models[:limit]

def allowed(model):
    return model in patterns or any(fnmatch.fnmatch(model, p) for p in patterns)

start = time.perf_counter_ns()
granted = sum(1 for m in models if allowed(m))
elapsed = time.perf_counter_ns() - start
print(f"python {sys.version.split()[0]} fnmatch loop: {len(models)} decisions, {granted} allowed, "
      f"{elapsed / 1e9:.2f} s total, {elapsed / len(models):.0f} ns per decision")
