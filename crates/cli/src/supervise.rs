//! The command runs in a child process of itself, the worker, watched by the parent: the
//! readers are bounded (docs/robustness.md), and this is the last line behind them. The
//! worker's heap is capped (`SOCIAL_ROI_MEMORY_MB`, 2048 by default: past it an allocation
//! fails and the worker aborts), and it says on standard error which file it reads and when
//! it moves on; a worker that dies, or makes no progress for `SOCIAL_ROI_TIME_LIMIT` seconds
//! (60 by default) is ended, and the command runs again with that file marked "could not be
//! read: …" (`Workspace::add_unreadable`), as the page's watchdog does. Every other file is
//! read, and the output is the worker's, whole or not at all.
//!
//! A command reading standard input (`-`) is not supervised: its bytes cannot be read twice.

use social_roi::Failure;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Set in the worker's environment.
const WORKER: &str = "SOCIAL_ROI_WORKER";
/// The files the worker marks unreadable: `path\tcrashed|memory|time\tvalue` lines.
const UNREADABLE: &str = "SOCIAL_ROI_UNREADABLE";
/// The worker's heap, in MiB.
const MEMORY: &str = "SOCIAL_ROI_MEMORY_MB";
/// Seconds a file may go without progress.
const TIME: &str = "SOCIAL_ROI_TIME_LIMIT";
/// What starts a marker line on standard error.
const MARK: &str = "\u{1}social-roi:";

/// The worker's allocator: the system's, counted and capped.
#[global_allocator]
static HEAP: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

/// Whether this process is the worker.
fn is_worker() -> bool {
    std::env::var_os(WORKER).is_some()
}

fn memory_limit() -> u64 {
    let mb: u64 = std::env::var(MEMORY)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2048);
    mb * 1024 * 1024
}

fn time_limit() -> u64 {
    std::env::var(TIME)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60)
}

/// Says (in the worker) that the file `path` is being read.
pub(crate) fn reading(path: &str) {
    if is_worker() {
        eprintln!("{MARK}reading\t{path}");
    }
}

/// Says (in the worker) that reading goes on: a chunk was read.
pub(crate) fn progress() {
    if is_worker() {
        eprintln!("{MARK}progress");
    }
}

/// Says (in the worker) that the file being read is done.
pub(crate) fn done() {
    if is_worker() {
        eprintln!("{MARK}done");
    }
}

/// Why the file `path` is not to be read: an earlier worker failed on it.
pub(crate) fn unreadable(path: &str) -> Option<Failure> {
    let list = std::env::var(UNREADABLE).ok()?;
    list.lines().find_map(|line| {
        let mut parts = line.split('\t');
        (parts.next()? == path).then_some(())?;
        let value: u64 = parts
            .clone()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        Some(match parts.next()? {
            "memory" => Failure::Memory { limit: value },
            "time" => Failure::Time { seconds: value },
            _ => Failure::Crashed,
        })
    })
}

fn encode(failures: &[(String, Failure)]) -> String {
    failures
        .iter()
        .map(|(path, f)| match f {
            Failure::Memory { limit } => format!("{path}\tmemory\t{limit}\n"),
            Failure::Time { seconds } => format!("{path}\ttime\t{seconds}\n"),
            Failure::Crashed => format!("{path}\tcrashed\t0\n"),
        })
        .collect()
}

/// Runs `work` as the worker, or supervises a worker running it; `plain` runs it without a
/// worker (the command reads standard input, or asks for help).
pub(crate) fn run(plain: bool, work: impl FnOnce() -> ExitCode) -> ExitCode {
    if is_worker() {
        HEAP.set_limit(memory_limit() as usize).ok();
        return work();
    }
    if plain {
        return work();
    }
    match supervise() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("social-roi: {message}");
            ExitCode::from(2)
        }
    }
}

/// What one worker's run came to.
enum Outcome {
    /// It ended on its own: its status and output.
    Ended(std::process::ExitStatus, Vec<u8>),
    /// It failed on this file.
    Failed(String, Failure),
}

/// Runs workers until one ends on its own, each time with the files the earlier ones
/// failed on marked unreadable.
fn supervise() -> Result<ExitCode, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot start: {e}"))?;
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let mut failures: Vec<(String, Failure)> = Vec::new();
    loop {
        let child = Command::new(&exe)
            .args(&args)
            .env(WORKER, "1")
            .env(UNREADABLE, encode(&failures))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start: {e}"))?;
        match watch(child)? {
            Outcome::Ended(status, out) => {
                std::io::stdout()
                    .write_all(&out)
                    .map_err(|e| format!("cannot write the output: {e}"))?;
                return Ok(ended(status));
            }
            Outcome::Failed(path, why) => {
                if failures.iter().any(|(p, _)| *p == path) {
                    return Err(format!(
                        "{path}: could not be read, and stopped the command"
                    ));
                }
                failures.push((path, why));
            }
        }
    }
}

/// The exit code of a worker that ended on its own.
fn ended(status: std::process::ExitStatus) -> ExitCode {
    match status.code() {
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(2)),
        None => ExitCode::from(2),
    }
}

/// What the worker says on standard error.
enum Said {
    Reading(String),
    Progress,
    Done,
    /// An allocation failed.
    OutOfMemory,
    /// Any other line, kept until the worker ends on its own.
    Line(String),
    Closed,
}

/// Watches a worker to its end: its markers, its progress, its output.
fn watch(mut child: Child) -> Result<Outcome, String> {
    let stdout = child.stdout.take().ok_or("no output")?;
    let stderr = child.stderr.take().ok_or("no error output")?;
    let output = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = BufReader::new(stdout).read_to_end(&mut out);
        out
    });
    let said = listen(stderr);
    let limit = Duration::from_secs(time_limit());
    let mut file: Option<String> = None;
    let mut out_of_memory = false;
    let mut lines: Vec<String> = Vec::new();
    let mut since = Instant::now();
    loop {
        match said.recv_timeout(Duration::from_millis(100)) {
            Ok(Said::Reading(path)) => {
                file = Some(path);
                since = Instant::now();
            }
            Ok(Said::Progress) => since = Instant::now(),
            Ok(Said::Done) => file = None,
            Ok(Said::OutOfMemory) => out_of_memory = true,
            Ok(Said::Line(line)) => lines.push(line),
            Ok(Said::Closed) | Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if let (Some(path), true) = (&file, since.elapsed() > limit) {
            let _ = child.kill();
            let _ = child.wait();
            let seconds = limit.as_secs();
            return Ok(Outcome::Failed(path.clone(), Failure::Time { seconds }));
        }
    }
    let status = child.wait().map_err(|e| format!("the worker: {e}"))?;
    let out = output.join().unwrap_or_default();
    let normal = status.code().is_some_and(|c| c <= 2);
    match (file, normal) {
        (None, false) => Err(format!("the command stopped unexpectedly ({status})")),
        (Some(path), false) => {
            let why = if out_of_memory {
                Failure::Memory {
                    limit: memory_limit(),
                }
            } else {
                Failure::Crashed
            };
            Ok(Outcome::Failed(path, why))
        }
        _ => {
            let mut err = std::io::stderr();
            for line in lines {
                let _ = writeln!(err, "{line}");
            }
            Ok(Outcome::Ended(status, out))
        }
    }
}

/// Reads the worker's standard error, line by line, into the channel.
fn listen(stderr: impl Read + Send + 'static) -> Receiver<Said> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let said = match line.strip_prefix(MARK) {
                Some(rest) if rest.starts_with("reading\t") => {
                    Said::Reading(rest["reading\t".len()..].to_string())
                }
                Some("progress") => Said::Progress,
                Some("done") => Said::Done,
                Some(_) => continue,
                None if line.starts_with("memory allocation of") => Said::OutOfMemory,
                None => Said::Line(line),
            };
            if tx.send(said).is_err() {
                break;
            }
        }
        let _ = tx.send(Said::Closed);
    });
    rx
}
