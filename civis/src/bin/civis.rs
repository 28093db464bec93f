//! The `civis` command-line program: every operation of the Civis API, by resource and method.

fn main() -> std::process::ExitCode {
    civis::cli::main()
}
