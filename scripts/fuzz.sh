#!/usr/bin/env bash
# Fuzzes every stage with cargo-fuzz (libFuzzer), one target after another, from a seed corpus
# of the sample articles, a few development pages and the adversarial shapes of issue 14.
#
# Fails (exit 1) when any target crashes (a panic, a broken invariant, a sanitizer report),
# runs out of memory, or spends more than FUZZ_TIMEOUT seconds on one input: a timeout is a
# super-linear path, as much a bug as a crash. Failing inputs land in fuzz/artifacts/TARGET/;
# keep each as a regression test (tests/fuzz_findings/TARGET/, replayed by `cargo test`).
#
# Settings (environment):
#   FUZZ_SECONDS      seconds per target (60); a target's first run of a kept corpus
#                     (fuzz/corpus/TARGET/) replays it all and can take longer
#   FUZZ_TIMEOUT      seconds one input may take before it counts as a hang (10)
#   FUZZ_TARGETS      space-separated targets (all of: decode html json segment quotes citations parse_text)
#   FUZZ_SHAPE_BYTES  size of each adversarial seed (4096; the shapes are for coverage, and larger
#                     ones run slowly enough to starve the fuzzer; 64 KiB ones hit known
#                     super-linear paths, see tests/fuzz_findings.rs)
#   FUZZ_SANITIZER    address | none (address); `none` runs about twice as many inputs
#   FUZZ_RSS_MB       memory ceiling per target in MB (2048)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-10}
targets=${FUZZ_TARGETS:-decode html json segment quotes citations parse_text}
shape_bytes=${FUZZ_SHAPE_BYTES:-4096}
sanitizer=${FUZZ_SANITIZER:-address}
rss_mb=${FUZZ_RSS_MB:-2048}

# cargo-fuzz drives libFuzzer through unstable rustc flags, hence nightly.
if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version > /dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

python3 fuzz/seeds.py fuzz/corpus/seeds --shape-bytes "$shape_bytes"
# Builds once with debug assertions on (overflow checks), so every run below starts at once.
cargo +nightly fuzz build --fuzz-dir fuzz --sanitizer "$sanitizer"

mkdir -p fuzz/logs
failed=()
summary=()
for target in $targets; do
    mkdir -p "fuzz/corpus/$target"
    log="fuzz/logs/$target.log"
    echo "== $target: ${seconds}s, timeout ${timeout}s per input (log: $log)"
    # New inputs go to the first corpus folder; the seeds folder is only read.
    if cargo +nightly fuzz run --fuzz-dir fuzz --sanitizer "$sanitizer" "$target" \
        "fuzz/corpus/$target" fuzz/corpus/seeds -- \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
        -print_final_stats=1 > "$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$target")
        grep -E 'ERROR: libFuzzer|panicked at|SUMMARY|Test unit written to' "$log" | head -n 8 || true
    fi
    # A run that died before libFuzzer's final stats has no numbers: `?` in the summary.
    runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
    took=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -n 1 || true)
    corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
    summary+=("$(printf '%-11s %-7s %10s execs %5s s  corpus %5s' \
        "$target" "$status" "${runs:-?}" "${took:-?}" "$corpus")")
done

echo
echo "== fuzz summary (sanitizer: $sanitizer, ${seconds}s per target, timeout ${timeout}s)"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    echo "crashes or timeouts in: ${failed[*]}; inputs in fuzz/artifacts/, logs in fuzz/logs/" >&2
    exit 1
fi
