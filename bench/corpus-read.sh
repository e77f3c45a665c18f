#!/bin/sh
# Every file of the broken corpus (tests/corpus/bad/, written by the core's bad_corpus test) read
# natively by the release CLI (`perspectief check`): wall time and peak memory (maximum resident
# set) per file. The budget (issue 18): below 2 s and below 1 GB each; the script fails above it.
# Usage: bench/corpus-read.sh [BINARY] [DIR]
set -e
bin="${1:-target/release/perspectief}"
dir="${2:-tests/corpus/bad}"
log="$(mktemp)"
over=0
slowest=0
largest=0
for f in "$dir"/*; do
  /usr/bin/time -f '%e %M' -o "$log" "$bin" check --steunpunt Zwolle "$f" >/dev/null 2>&1 || true
  set -- $(tail -1 "$log")
  seconds="$1"
  mb=$(( $2 / 1024 ))
  printf '%-50s %6s s %6s MB\n' "$(basename "$f")" "$seconds" "$mb"
  if [ "$(echo "$seconds >= 2" | bc)" = 1 ] || [ "$mb" -ge 1024 ]; then over=$((over + 1)); fi
  if [ "$(echo "$seconds > $slowest" | bc)" = 1 ]; then slowest="$seconds"; fi
  if [ "$mb" -gt "$largest" ]; then largest="$mb"; fi
done
rm -f "$log"
echo "corpus files=$(ls "$dir" | wc -l) slowest_s=$slowest largest_rss_mb=$largest over_budget=$over"
[ "$over" = 0 ]
