#!/usr/bin/env bash
# `npm test` and CI: browsers, static checks, knowledge-base check, unit tests, injection tests (page/ code in
# plain Chromium and Firefox pages), both builds, end-to-end tests in real Chromium and Firefox. Stops at the first failure. The last line is "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

suite_start=$SECONDS
step_no=0
steps_total=8
report_dir="$(mktemp -d "${TMPDIR:-/tmp}/dramatis-test.XXXXXX")"
passed=0
failed=0
skipped=0

section() {
  step_no=$((step_no + 1))
  printf '\n==== [%d/%d] %s ====\n' "$step_no" "$steps_total" "$1"
  step_start=$SECONDS
}

done_section() {
  printf -- '---- %s: ok (%d s)\n' "$1" "$((SECONDS - step_start))"
}

# Adds up a vitest JSON report's counts.
count_tests() {
  [[ -s "$1" ]] || return 0
  local counts
  counts="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
  ' "$1")" || return 0
  read -r p f s <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
}

summary() {
  local status=$?
  rm -rf "$report_dir"
  printf '\n==== %s after %d s ====\n' "$([[ $status == 0 ]] && echo 'all checks passed' || echo "FAILED (exit $status)")" \
    "$((SECONDS - suite_start))"
  if [[ $status != 0 && $failed == 0 ]]; then failed=1; fi
  echo "tests: $passed passed, $failed failed, $skipped skipped"
}
trap summary EXIT

# vitest with its usual output plus a JSON report for the closing count. Stops the suite when it fails.
run_vitest() {
  local report="$report_dir/$1.json"
  shift
  local status=0
  npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
  count_tests "$report"
  return "$status"
}

section 'Browsers (Chromium, Firefox ESR)'
bash scripts/ensure-browsers.sh
echo "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: ?'); $(/usr/bin/firefox-esr --version 2>/dev/null || echo 'firefox-esr: ?')"
done_section 'browsers'

section 'Static checks: prettier, eslint, tsc (npm run check)'
npm run --silent check
done_section 'static checks'

section 'Knowledge base (npm run kb:check)'
npm run --silent kb:check
done_section 'knowledge base'

section 'Unit tests (vitest run)'
run_vitest unit
done_section 'unit tests'

section 'Injection tests: page/ modules in plain Chromium and Firefox pages (vitest.injection.config.ts)'
run_vitest injection --config vitest.injection.config.ts
done_section 'injection tests'

section 'Build for Chromium (wxt build -> .output/chrome-mv3)'
npx wxt build
done_section 'chromium build'

section 'Build for Firefox (wxt build -b firefox -> .output/firefox-mv2)'
npx wxt build -b firefox
done_section 'firefox build'

section 'End-to-end tests in Chromium and Firefox (vitest.e2e.config.ts)'
run_vitest e2e --config vitest.e2e.config.ts
done_section 'end-to-end tests'

# Every test runs: a skipped or todo test fails the suite (CI must not pass on tests it did not run).
if ((skipped > 0)); then
  echo "$skipped test(s) were skipped or left as todo: every test must run" >&2
  exit 1
fi
