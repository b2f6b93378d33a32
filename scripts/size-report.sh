#!/usr/bin/env bash
# Prints the size of every file in dist/, raw and gzipped (gzip -9), and the totals; fails
# when the gzipped total is over the budget (the whole page: html, js, wasm, css, corpus).
set -euo pipefail
DIST="${1:-dist}"
BUDGET_KB="${SIZE_BUDGET_KB:-180}"
[ -d "$DIST" ] || { echo "size-report: no $DIST/ (run the build first)" >&2; exit 1; }
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' "file" "raw (B)" "gzip (B)"
while IFS= read -r -d '' file; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${file#"$DIST"/}" "$raw" "$gz"
done < <(find "$DIST" -type f -print0 | sort -z)
printf '%-48s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"
awk -v gz="$total_gz" -v b="$BUDGET_KB" 'BEGIN { printf "gzipped total: %.1f KB (budget %d KB)\n", gz / 1024, b }'
if [ "$total_gz" -gt $((BUDGET_KB * 1024)) ]; then
  echo "size-report: over budget" >&2
  exit 1
fi
