//! The subcommands, one file each, named after the command. Each turns its
//! arguments into plain options once, then calls down into the library;
//! no command imports another.

mod check;
mod completions;
mod config;
mod init;
mod log;
mod man;
mod new;
mod next;
mod render;
mod schedule;
mod schema;
mod serve;
mod templates;

use anyhow::Result;

use crate::arguments::{Arguments, Command};

/// Carries out the command.
pub fn run(arguments: Arguments) -> Result<()> {
    match arguments.command {
        Command::Render(arguments) => render::run(arguments),
        Command::Schedule(arguments) => schedule::run(&arguments),
        Command::Next(arguments) => next::run(&arguments),
        Command::Serve(arguments) => serve::run(arguments),
        Command::Log(arguments) => log::run(&arguments),
        Command::Check(arguments) => check::run(&arguments),
        Command::Templates(command) => templates::run(&command),
        Command::New { file, force } => new::run(file.as_deref(), force),
        Command::Init { file, force } => init::run(&file, force),
        Command::Schema { of } => schema::run(of),
        Command::Config { path } => config::run(path),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
    }
}
