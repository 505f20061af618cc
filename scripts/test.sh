#!/bin/sh
# `npm test`: type-checks alongside the suite (tsc, incremental: its .tsbuildinfo is in node_modules/.cache),
# runs the suite, whose reporters record the results and render the reports into reports/out/ from them
# (also when a verdict changed, so the report shows the new evidence: scripts/report-reporter.ts), then
# opens the built HTML report in Chromium (the report project needs the report, so it runs last), and exits
# with the first failing status. The last line says where the wall time went (`npm run bench` reads it).
# Nothing tracked by git is written (the committed snapshot: `npm run publish-report`).
now() { date +%s%N; }
secs() { echo "$1 $2" | awk '{ printf "%.1f", ($2 - $1) / 1e9 }'; }
start=$(now)
tmp=$(mktemp -d)
( npx tsc -p . > "$tmp/tsc.log" 2>&1; echo "$? $(now)" > "$tmp/tsc.done" ) &
tsc_pid=$!
npx vitest run
status=$?
suite=$(now)
npx vitest run --project report
step=$?; [ "$status" = 0 ] && status=$step
browser=$(now)
wait $tsc_pid
read -r tsc_status tsc_end < "$tmp/tsc.done"
if [ "$tsc_status" != 0 ]; then echo "tsc -p . failed:"; fi
cat "$tmp/tsc.log"; rm -rf "$tmp"
[ "$status" = 0 ] && status=$tsc_status
end=$(now)
echo "npm test: $(secs "$start" "$end") s wall — suite and report build $(secs "$start" "$suite") s, report in Chromium $(secs "$suite" "$browser") s; tsc $(secs "$start" "$tsc_end") s alongside the suite (load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?))"
exit $status
