//! `social-roi`: the command line over the same core the page runs (see `cli`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
