#!/bin/sh
# Runs the suite, then renders the report from whatever was recorded (also when a verdict changed,
# so the report shows the new evidence), and exits with the suite's status.
npx vitest run
status=$?
npx tsx reports/build.ts || status=$?
exit $status
