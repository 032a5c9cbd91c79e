//! How the benchmarks run their workloads: the one named on the command line, or else each of
//! them in a child process of its own, so that each peak-memory figure (VmHWM) is its own.
//! Every bench that includes this file also gets the allocator the `newsdesk` binary uses, so the
//! library code measured in-process runs as it does in the server.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
