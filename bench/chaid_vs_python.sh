#!/usr/bin/env bash
# CHAID benchmark: ours against the Python CHAID package, and our fit against
# the physical floor (one counting pass per level). Usage: bench/chaid_vs_python.sh [rows,rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000,1000000}
WORK=target/bench
VENV=$WORK/venv
mkdir -p "$WORK"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "CHAID==5.5.1" "pandas==2.3.3"
fi
cargo build --release -q -p perspectief-cli --features bench
BIN=target/release/perspectief
echo "# Python CHAID package vs perspectief (median of 3; fit only, and whole command)"
"$VENV/bin/python" bench/chaid_vs_python.py "$BIN" "$WORK" "$ROWS"
echo "# Depth-3 fit on 1,000,000 rows x 30 mixed predictors vs the floor (median of 5, one core)"
"$BIN" bench-fit --rows 1000000 --predictors 30 --mixed --repeat 5
