//! The time budget of one file: a load gives each file a deadline, the readers and cleaners check
//! it between their stages and inside their per-line and per-block loops, and a file that runs
//! past it is given up (the load catches the unwind) and reported as skipped with the reason,
//! while the rest of the corpus loads. One library call (html5ever's parse, Readability's
//! scoring) is not interrupted; its input is made linear-time first (see `extract::cap_nesting`).

use std::cell::Cell;
use std::time::{Duration, Instant};

/// How long a file may take: `base` plus `per_mb` for each megabyte of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FileBudget {
    pub base: Duration,
    pub per_mb: Duration,
}

impl Default for FileBudget {
    /// 10 s plus 2 s a megabyte: twenty times the slowest ordinary page, so that only a file the
    /// readers handle in worse than linear time (or a machine far slower than this one) meets it.
    fn default() -> Self {
        FileBudget {
            base: Duration::from_secs(10),
            per_mb: Duration::from_secs(2),
        }
    }
}

impl FileBudget {
    /// The budget of a file of `bytes` bytes.
    pub fn for_size(&self, bytes: u64) -> Duration {
        self.base + self.per_mb.mul_f64(bytes as f64 / 1_048_576.0)
    }
}

/// The unwind payload of a file that ran past its deadline.
#[derive(Debug)]
pub struct OverBudget;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Sets this thread's deadline until the guard is dropped.
pub struct Deadline {
    before: Option<Instant>,
}

impl Deadline {
    pub fn start(limit: Duration) -> Self {
        let at = Instant::now().checked_add(limit);
        Deadline {
            before: DEADLINE.with(|d| d.replace(at)),
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.before));
    }
}

/// Gives up the current file when this thread's deadline has passed: unwinds with [`OverBudget`],
/// which the load turns into a skipped file. Without a deadline (a fuzz target, a unit test) it
/// does nothing.
pub fn check() {
    if let Some(at) = DEADLINE.with(Cell::get)
        && Instant::now() >= at
    {
        std::panic::resume_unwind(Box::new(OverBudget));
    }
}

/// Whether a caught unwind is a file running out of time (else it is a bug in a reader).
pub fn is_over_budget(payload: &(dyn std::any::Any + Send)) -> bool {
    payload.is::<OverBudget>()
}

/// The reason given for a file that ran out of time.
pub fn reason(limit: Duration, bytes: u64) -> String {
    format!(
        "took longer than its time budget of {:.1} s (for a file of {} KB) to read and clean; skipped so that \
         the rest of the corpus loads",
        limit.as_secs_f64(),
        bytes.div_ceil(1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_unwinds_once_passed_and_only_on_its_thread() {
        check(); // no deadline: nothing happens
        let past = std::panic::catch_unwind(|| {
            let _d = Deadline::start(Duration::ZERO);
            check();
        });
        let payload = past.expect_err("a passed deadline unwinds");
        assert!(is_over_budget(payload.as_ref()));
        // The guard was dropped in the unwind: no deadline is left behind.
        check();
        let _d = Deadline::start(Duration::from_secs(3600));
        check();
        std::thread::spawn(check)
            .join()
            .expect("other threads have no deadline");
    }

    #[test]
    fn the_budget_grows_with_the_file() {
        let b = FileBudget::default();
        assert_eq!(b.for_size(0), Duration::from_secs(10));
        assert_eq!(b.for_size(5 * 1_048_576), Duration::from_secs(20));
        assert!(reason(b.for_size(2048), 2048).contains("10.0 s (for a file of 2 KB)"));
    }
}
