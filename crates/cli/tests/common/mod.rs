//! What the command-line tests share: running the `social-roi` binary as a user would.

#![allow(dead_code)] // each test crate uses its own part of it

use std::process::{Command, Output};

/// The repository's root: the tests name fixtures from there, as a user's shell would.
pub(crate) const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs `social-roi ARGS` from the repository's root.
pub(crate) fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_social-roi"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the binary runs")
}

/// Its standard output.
pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Its standard error.
pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
