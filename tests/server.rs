//! A `thankyou serve` of its own for a test: started on a free port in a
//! folder of the test's, with its address and token read from what it
//! prints, and stopped when dropped.

#![allow(dead_code)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

/// A running server.
pub struct Server {
    child: Child,
    /// The folder it serves; removed with the server.
    pub folder: TempDir,
    /// `http://127.0.0.1:PORT`, without a path.
    pub origin: String,
    /// The token it printed.
    pub token: String,
}

impl Server {
    /// Serves a fresh folder holding the bundled examples named, on the
    /// day the examples' plans were checked against.
    pub fn with_examples(examples: &[&str]) -> Server {
        let folder = TempDir::new().unwrap();
        for name in examples {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(format!("{name}.yaml"));
            std::fs::copy(from, folder.path().join(format!("{name}.yaml"))).unwrap();
        }
        Server::in_folder(folder, &["--today", "2026-11-25"])
    }

    /// Serves `folder` with the extra arguments given.
    pub fn in_folder(folder: TempDir, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thankyou"))
            .arg("serve")
            .arg(folder.path())
            .arg("--no-open")
            .args(args)
            .env("XDG_CONFIG_HOME", folder.path().join("no-config"))
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let (origin, token) = line
            .trim()
            .split_once("/?token=")
            .unwrap_or_else(|| panic!("no address printed: {line:?}"));
        Server {
            child,
            origin: origin.to_owned(),
            token: token.to_owned(),
            folder,
        }
    }

    /// The address of `path` on the server, with the token.
    pub fn url(&self, path: &str) -> String {
        let join = if path.contains('?') { '&' } else { '?' };
        format!("{}{path}{join}token={}", self.origin, self.token)
    }

    /// The server's process id, to measure it.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A file in the folder served.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// An HTTP client that reports every status as a response, not an error.
    pub fn client() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
