//! The `thankyou` command: parses the arguments, runs them, reports the error.

use clap::Parser;
use thankyou::Arguments;

fn main() -> std::process::ExitCode {
    let arguments = Arguments::parse();
    match thankyou::run(arguments) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            thankyou::report::error(&format!("{error:#}"));
            std::process::ExitCode::FAILURE
        }
    }
}
