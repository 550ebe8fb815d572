//! Counts the work one article's parse does, and stops a parse that does too much or was
//! cancelled.
//!
//! Stages call [`add`] in their loops with the number of items (characters, words, mentions,
//! sentences) they just looked at. The count serves two ends:
//!
//! - **tests of linear time**: a test parses inputs of size n and 4n and compares
//!   [`steps`], which, unlike wall-clock time, does not depend on the machine's load;
//! - **a per-article budget**: [`Budget::limit`] steps at most, so a pathological page that
//!   slips past every bound becomes an `errors` row of kind `limit` instead of stalling a
//!   crawl, and a cancellation flag (Ctrl-C in Python) stops a parse within a few thousand
//!   steps instead of at the end of the article.
//!
//! Stopping unwinds with [`std::panic::resume_unwind`], which skips the panic hook (no
//! message on stderr), to the `catch_unwind` in `pipeline::parse_input` that already guards
//! every article. That keeps the stages free of `Result` plumbing for a condition none of
//! them can handle. The counter is thread-local: rayon parses one article per thread at a
//! time, and each article starts from zero.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Steps an article may take for free, whatever its size: page chrome, lexicon look-ups.
pub const BASE_STEPS: u64 = 2_000_000;
/// Steps an article may take per byte of text by default: ordinary news takes well under
/// 100 (measured by `work::tests` and the scaling tests), so only runaway work hits this.
pub const DEFAULT_STEPS_PER_BYTE: u64 = 2_000;

/// How cancellation is checked: once every this many steps (an atomic load is cheap, but
/// not free in the tightest loops).
const CHECK_EVERY: u64 = 4_096;

/// Why a parse stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The article used up its budget.
    Limit { steps: u64 },
    /// The run was cancelled (Ctrl-C).
    Cancelled,
}

/// The work allowed for one article and the run's cancellation flag.
#[derive(Debug, Clone, Default)]
pub struct Budget {
    pub limit: u64,
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Budget {
    /// The default budget for an article of `bytes` bytes.
    pub fn for_bytes(bytes: usize, steps_per_byte: u64, cancel: Option<Arc<AtomicBool>>) -> Self {
        Budget {
            limit: BASE_STEPS.saturating_add(steps_per_byte.saturating_mul(bytes as u64)),
            cancel,
        }
    }
}

struct Meter {
    steps: Cell<u64>,
    limit: Cell<u64>,
    next_check: Cell<u64>,
    cancel: std::cell::RefCell<Option<Arc<AtomicBool>>>,
}

thread_local! {
    static METER: Meter = const {
        Meter {
            steps: Cell::new(0),
            limit: Cell::new(u64::MAX),
            next_check: Cell::new(CHECK_EVERY),
            cancel: std::cell::RefCell::new(None),
        }
    };
}

/// Starts counting an article on this thread: the count restarts at zero under `budget`.
pub fn start(budget: &Budget) {
    METER.with(|m| {
        m.steps.set(0);
        m.limit.set(budget.limit);
        m.next_check.set(CHECK_EVERY);
        *m.cancel.borrow_mut() = budget.cancel.clone();
    });
}

/// Ends counting on this thread: no budget applies until the next [`start`].
pub fn finish() -> u64 {
    METER.with(|m| {
        m.limit.set(u64::MAX);
        *m.cancel.borrow_mut() = None;
        m.steps.get()
    })
}

/// Steps counted on this thread since the last [`start`].
pub fn steps() -> u64 {
    METER.with(|m| m.steps.get())
}

/// Counts `n` steps; unwinds with a [`Stop`] when the budget is spent or the run cancelled.
#[inline]
pub fn add(n: usize) {
    METER.with(|m| {
        let steps = m.steps.get().saturating_add(n as u64);
        m.steps.set(steps);
        if steps > m.limit.get() {
            std::panic::resume_unwind(Box::new(Stop::Limit { steps }));
        }
        if steps >= m.next_check.get() {
            m.next_check.set(steps.saturating_add(CHECK_EVERY));
            let cancelled = m
                .cancel
                .borrow()
                .as_ref()
                .is_some_and(|c| c.load(Ordering::Relaxed));
            if cancelled {
                std::panic::resume_unwind(Box::new(Stop::Cancelled));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_restart_per_article() {
        start(&Budget::for_bytes(10, 1, None));
        add(5);
        assert_eq!(steps(), 5);
        start(&Budget::for_bytes(10, 1, None));
        assert_eq!(steps(), 0);
        assert_eq!(finish(), 0);
    }

    #[test]
    fn an_exhausted_budget_unwinds_with_limit() {
        start(&Budget {
            limit: 10,
            cancel: None,
        });
        let stop = std::panic::catch_unwind(|| add(11)).unwrap_err();
        finish();
        assert_eq!(
            stop.downcast_ref::<Stop>(),
            Some(&Stop::Limit { steps: 11 })
        );
    }

    #[test]
    fn a_cancelled_run_unwinds_within_a_check_interval() {
        let flag = Arc::new(AtomicBool::new(true));
        start(&Budget {
            limit: u64::MAX,
            cancel: Some(flag),
        });
        let stop = std::panic::catch_unwind(|| {
            for _ in 0..=CHECK_EVERY {
                add(1);
            }
        })
        .unwrap_err();
        finish();
        assert_eq!(stop.downcast_ref::<Stop>(), Some(&Stop::Cancelled));
    }

    #[test]
    fn without_a_budget_nothing_stops() {
        start(&Budget {
            limit: u64::MAX,
            cancel: None,
        });
        finish();
        add(usize::MAX);
        add(1);
        assert_eq!(steps(), u64::MAX);
    }
}
