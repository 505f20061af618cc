#!/bin/sh
# `npm test`: type-checks alongside the suite (tsc, incremental: its .tsbuildinfo is in node_modules/.cache),
# runs the suite, then renders the reports into reports/out/ from whatever was recorded (also when a
# verdict changed, so the report shows the new evidence), then opens the built HTML report in Chromium
# (the report project needs the report, so it runs last), and exits with the first failing status.
# Nothing tracked by git is written (the committed snapshot: `npm run publish-report`).
tsc_log=$(mktemp)
npx tsc -p . > "$tsc_log" 2>&1 &
tsc_pid=$!
npx vitest run
status=$?
npx tsx reports/build.ts
step=$?; [ "$status" = 0 ] && status=$step
npx vitest run --project report
step=$?; [ "$status" = 0 ] && status=$step
wait $tsc_pid
step=$?
if [ "$step" != 0 ]; then echo "tsc -p . failed:"; fi
cat "$tsc_log"; rm -f "$tsc_log"
[ "$status" = 0 ] && status=$step
exit $status
