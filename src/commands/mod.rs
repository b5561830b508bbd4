//! One module per subcommand (or family of them), each a thin layer between
//! the command line and the library.

pub mod check;
pub mod followup;
pub mod plan;
pub mod render;
pub mod setup;
