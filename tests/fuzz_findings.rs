//! Replays what the fuzzers found: every file in `tests/fuzz_findings/TARGET/` goes through
//! the same function as `cargo fuzz run TARGET` (the shared `fuzz/src/targets.rs`), so a crash
//! once fixed stays fixed under plain `cargo test`, without nightly or libFuzzer.
//!
//! Inputs under `TARGET/slow/` made a target exceed the fuzzer's per-input timeout (a
//! super-linear path); they are replayed by an ignored test until that path is linear. The
//! seed shapes that timed out at 64 KiB under ASan are generated here rather than committed,
//! and timed against ordinary news of the same size by another ignored test (issue 14 asks
//! for within 10x).

#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn findings(target: &str, sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_findings")
        .join(target)
        .join(sub);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn replay(sub: &str) -> usize {
    let mut replayed = 0;
    for (name, run) in targets::TARGETS {
        for path in findings(name, sub) {
            let data = std::fs::read(&path).expect("finding is readable");
            eprintln!("replaying {}", path.display());
            run(&data);
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn fuzz_findings_no_longer_fail() {
    replay("");
}

#[test]
#[ignore = "super-linear inputs found by the fuzzers; run with --ignored once those paths are linear"]
fn slow_fuzz_findings_finish() {
    replay("slow");
}

/// Issue 14's shapes that took the ASan fuzz builds past their 10 s timeout at 64 KiB, so the
/// seeds are 4 KiB by default. Natively (release) only the nested quotes stay slow: linear (0.15,
/// 0.67, 2.9 s at 16, 64, 256 KiB in `quotes::extract`) but ~45 us a quote, because every quote
/// re-reads a 600-byte window either side (`quotes::read_quote`), 30-60x ordinary news per MB.
fn slow_shapes(size: usize) -> Vec<(&'static str, String)> {
    let title = "Officials Meet in Moscow as Talks Resume\n\n";
    let shape = |unit: &str| format!("{title}{}", unit.repeat(size / unit.len()));
    vec![
        ("nested straight quotes", shape("\"a \"b \"c\" ")),
        ("nested curly quotes", shape("“a “b ”c” ")),
        ("nested guillemets", shape("«a «b »c» ")),
        ("unclosed straight quotes", shape("\"Yes, he said ")),
        ("unclosed curly quotes", shape("“Yes, he said ")),
        ("initials", shape("Mr. A. B. Smith said yes. ")),
        (
            "abbreviations",
            shape("Lt. Gen. J. R. Doe of the U.S. Dept. arrived Feb. 21 at 9 a.m. "),
        ),
        (
            "capitalised runs",
            shape("President Vladimir Putin Wang Yi Foreign Ministry Reuters "),
        ),
    ]
}

fn seconds(run: targets::Target, data: &[u8]) -> f64 {
    let start = std::time::Instant::now();
    run(data);
    start.elapsed().as_secs_f64()
}

#[test]
#[ignore = "nested quotes are 30-60x news today (issue 14); wall-clock, so run alone: cargo test --release --test fuzz_findings -- --ignored"]
fn slow_shapes_run_within_10x_of_news() {
    const SIZE: usize = 64 * 1024;
    let sample = include_str!("../python/newsframe/sample/001_e936042f398e4b38.txt");
    let news = format!("{sample}\n\n").repeat(SIZE / sample.len() + 1);
    let mut slow = Vec::new();
    for (name, run) in targets::TARGETS {
        // Warm up lexicons and regexes so the baseline measures parsing only.
        run(sample.as_bytes());
        let baseline = seconds(*run, news.as_bytes());
        for (shape, text) in slow_shapes(SIZE) {
            let took = seconds(*run, text.as_bytes());
            if took > 10.0 * baseline + 0.5 {
                slow.push(format!("{name}: {shape} {took:.2}s vs news {baseline:.2}s"));
            }
        }
    }
    assert!(
        slow.is_empty(),
        "slower than 10x news:\n{}",
        slow.join("\n")
    );
}

/// The targets' functions run on ordinary input too, so the replay harness itself is tested.
#[test]
fn every_target_accepts_a_plain_article() {
    let article = "Officials Meet in Moscow\n\n“We will talk,” Wang Yi told Reuters on Monday.[1]\n\n[1] Reuters, Feb. 21, 2023";
    for (_, run) in targets::TARGETS {
        run(article.as_bytes());
    }
}
