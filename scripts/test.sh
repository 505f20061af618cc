#!/bin/sh
# Runs the suite, then renders the reports into reports/out/ from whatever was recorded (also when a
# verdict changed, so the report shows the new evidence), then opens the built HTML report in Chromium
# (test/browser needs the report, so it runs last), and exits with the first failing status. Nothing
# tracked by git is written (the committed snapshot: `npm run publish-report`).
npx vitest run
status=$?
npx tsx reports/build.ts
step=$?; [ "$status" = 0 ] && status=$step
npx vitest run --config vitest.browser.config.ts
step=$?; [ "$status" = 0 ] && status=$step
exit $status
