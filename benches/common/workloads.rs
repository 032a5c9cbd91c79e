//! How the benchmarks run their workloads: the one named on the command line, or else each of
//! them in a child process of its own, so that each peak-memory figure (VmHWM) is its own.
//! Every bench that includes this file also gets the allocator the `newsdesk` binary uses, so the
//! library code measured in-process runs as it does in the server; it can count the live heap
//! bytes (off unless a bench turns it on with [`heap_count_from_here`]).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// mimalloc, counting live and peak heap bytes once counting is on.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(by: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let now = LIVE.fetch_add(by as isize, Ordering::Relaxed) + by as isize;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

fn shrank(by: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        LIVE.fetch_sub(by as isize, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded to mimalloc with the caller's layout.
        let p = unsafe { mimalloc::MiMalloc.alloc(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: `p` was allocated by this allocator with this layout.
        unsafe { mimalloc::MiMalloc.dealloc(p, l) };
        shrank(l.size());
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // SAFETY: forwarded to mimalloc; `p` and `l` come from this allocator.
        let q = unsafe { mimalloc::MiMalloc.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                grew(new - l.size());
            } else {
                shrank(l.size() - new);
            }
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[allow(dead_code)] // used by the benches that measure memory
/// Turns heap counting on (if it was off) and starts a new peak here; returns the live count
/// now, to subtract from [`heap_peak`].
pub fn heap_count_from_here() -> isize {
    COUNTING.store(true, Ordering::Relaxed);
    let now = LIVE.load(Ordering::Relaxed);
    PEAK.store(now, Ordering::Relaxed);
    now
}

#[allow(dead_code)]
/// The most live heap bytes since [`heap_count_from_here`].
pub fn heap_peak() -> isize {
    PEAK.load(Ordering::Relaxed)
}

/// Runs the workload named on the command line (arguments starting with `--`, such as cargo's
/// `--bench`, are skipped); with none named, prints `header` and runs every workload in a child
/// process with `env` set.
pub fn run_workloads(workloads: &[&str], header: &str, env: &[(&str, &str)], run: fn(&str)) {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let Some(w) = args.first() {
        return run(w);
    }
    if !header.is_empty() {
        println!("{header}");
    }
    let exe = std::env::current_exe().expect("bench executable path");
    for w in workloads {
        let status = std::process::Command::new(&exe)
            .arg(w)
            .envs(env.iter().copied())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("{w}: failed");
        }
    }
}

#[allow(dead_code)] // used by the benches that load files
/// Load options with `NEWSDESK_THREADS` reader threads when it is set (1 measures one core).
pub fn load_options() -> newsdesk::ingest::LoadOptions {
    let mut o = newsdesk::ingest::LoadOptions::default();
    if let Some(n) = std::env::var("NEWSDESK_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        o.threads = n;
    }
    o
}
