#!/bin/sh
# `npm test`: type-checks alongside the suite (tsc, incremental: its .tsbuildinfo is in node_modules/.cache),
# runs the suite, then renders the reports into reports/out/ from whatever was recorded (also when a
# verdict changed, so the report shows the new evidence), then opens the built HTML report in Chromium
# (the report project needs the report, so it runs last), and exits with the first failing status.
# The last line says where the wall time went (`npm run bench` reads it).
# Nothing tracked by git is written (the committed snapshot: `npm run publish-report`).
now() { date +%s%N; }
secs() { echo "$1 $2" | awk '{ printf "%.1f", ($2 - $1) / 1e9 }'; }
start=$(now)
tsc_log=$(mktemp)
( npx tsc -p . > "$tsc_log" 2>&1; echo "$? $(now)" > "$tsc_log.done" ) &
tsc_pid=$!
npx vitest run
status=$?
suite=$(now)
npx tsx reports/build.ts
step=$?; [ "$status" = 0 ] && status=$step
built=$(now)
npx vitest run --project report
step=$?; [ "$status" = 0 ] && status=$step
browser=$(now)
wait $tsc_pid
read -r tsc_status tsc_end < "$tsc_log.done"
if [ "$tsc_status" != 0 ]; then echo "tsc -p . failed:"; fi
cat "$tsc_log"; rm -f "$tsc_log" "$tsc_log.done"
[ "$status" = 0 ] && status=$tsc_status
end=$(now)
echo "npm test: $(secs "$start" "$end") s wall — suite $(secs "$start" "$suite") s, report build $(secs "$suite" "$built") s, report in Chromium $(secs "$built" "$browser") s; tsc $(secs "$start" "$tsc_end") s alongside the suite (load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo ?))"
exit $status
