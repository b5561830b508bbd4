//! A `thankyou serve` of its own for a test: started on a free port in a
//! folder of the test's, with its address and token read from what it
//! prints, and stopped when dropped.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

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
    /// Its standard error, line by line, when started with [`Server::watched`].
    stderr: Option<Receiver<String>>,
    /// The Cookie header its first answer with the token set, once asked.
    cookie: OnceLock<String>,
}

/// The longest a test waits for the server to say something or answer.
const PATIENCE: Duration = Duration::from_secs(20);

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
        let mut command = Server::command(&folder);
        command.arg("--no-open").args(args).stderr(Stdio::null());
        Server::spawn(command, folder)
    }

    /// Serves `folder` with exactly the arguments given (no `--no-open`
    /// added) and the environment variables given, keeping its standard
    /// error for [`Server::stderr_until`] and [`Server::stop`].
    pub fn watched(folder: TempDir, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut command = Server::command(&folder);
        command
            .args(args)
            .envs(env.iter().copied())
            .stderr(Stdio::piped());
        Server::spawn(command, folder)
    }

    /// `thankyou serve FOLDER`, with no config of the user's and no colour.
    fn command(folder: &TempDir) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_thankyou"));
        command
            .arg("serve")
            .arg(folder.path())
            .env("XDG_CONFIG_HOME", folder.path().join("no-config"))
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped());
        command
    }

    /// Starts `command` and reads the address it prints.
    fn spawn(mut command: Command, folder: TempDir) -> Server {
        let mut child = command.spawn().unwrap();
        let stderr = child.stderr.take().map(|stderr| {
            let (send, receive) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    if send.send(line).is_err() {
                        break;
                    }
                }
            });
            receive
        });
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
            stderr,
            cookie: OnceLock::new(),
        }
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.origin.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// `127.0.0.1:PORT`, the Host header a browser sends.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port())
    }

    /// `thankyou-PORT=KEY`, the Cookie header a browser sends after the
    /// first visit: the page key the server set in its answer to a request
    /// with the token (asked once, at the first call).
    pub fn cookie(&self) -> String {
        self.cookie
            .get_or_init(|| {
                let target = format!("/api/health?token={}", self.token);
                let answer = self.raw("GET", &target, &[("Host", &self.host())], b"");
                let set = answer
                    .header("set-cookie")
                    .unwrap_or_else(|| panic!("no cookie set: {answer:?}"));
                set.split(';').next().unwrap().to_owned()
            })
            .clone()
    }

    /// A connection of its own to the server, which gives up after a while
    /// rather than hang the test.
    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.host()).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream.set_write_timeout(Some(PATIENCE)).unwrap();
        stream
    }

    /// Sends a request exactly as given: the request line, only the
    /// headers given (no Host unless given) and `Connection: close`, then
    /// `body` as it is; answers what came back.
    pub fn raw(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Raw {
        let mut stream = self.connect();
        let mut head = format!("{method} {target} HTTP/1.1\r\n");
        for (name, value) in headers {
            let _ = write!(head, "{name}: {value}\r\n");
        }
        head.push_str("Connection: close\r\n\r\n");
        // A server that answers before reading the whole body may close
        // early; what it answered is still read below.
        let _ = stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(body));
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        Raw::parse(&bytes)
    }

    /// The lines of standard error up to the first that holds `needle`
    /// (a server started with [`Server::watched`]).
    pub fn stderr_until(&mut self, needle: &str) -> String {
        let lines = self.stderr.as_ref().expect("a watched server");
        let mut seen = String::new();
        while !seen.contains(needle) {
            match lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    let _ = writeln!(seen, "{line}");
                }
                Err(error) => panic!("no {needle:?} on stderr ({error}); it said:\n{seen}"),
            }
        }
        seen
    }

    /// Sends the server the signal named (`TERM`, `INT`).
    pub fn signal(&self, signal: &str) {
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal} failed");
    }

    /// Sends the signal named (`TERM`, `INT`) and answers how the server
    /// ended and the rest of its standard error (a server started with
    /// [`Server::watched`]).
    pub fn stop(&mut self, signal: &str) -> (ExitStatus, String) {
        self.signal(signal);
        self.ended()
    }

    /// Waits for the server to end; answers how it ended and the rest of
    /// its standard error (a server started with [`Server::watched`]).
    pub fn ended(&mut self) -> (ExitStatus, String) {
        let status = self.child.wait().unwrap();
        let lines = self.stderr.as_ref().expect("a watched server");
        let rest = lines
            .iter()
            .fold(String::new(), |rest, line| rest + &line + "\n");
        (status, rest)
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

/// An answer read off the wire.
#[derive(Debug)]
pub struct Raw {
    /// The final status (after any `100 Continue`).
    pub status: u16,
    /// Each header, its name in lower case, in order.
    pub headers: Vec<(String, String)>,
    /// The body, decoded from chunks when sent in them.
    pub body: String,
}

impl Raw {
    /// Reads an HTTP/1.1 answer.
    pub fn parse(bytes: &[u8]) -> Raw {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let mut text = text.as_str();
        while text.starts_with("HTTP/1.1 1") {
            text = text.split_once("\r\n\r\n").unwrap().1;
        }
        let (head, body) = text
            .split_once("\r\n\r\n")
            .unwrap_or_else(|| panic!("no answer: {text:?}"));
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_lowercase(), value.trim().to_owned()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
        Raw {
            status: status.parse().unwrap(),
            body: if chunked {
                unchunk(body)
            } else {
                body.to_owned()
            },
            headers,
        }
    }

    /// The first value of the header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A chunked body's data.
fn unchunk(mut body: &str) -> String {
    let mut data = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        data.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    data
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A stand-in for the user's browser, for `BROWSER`: a script in `dir`
/// that writes the arguments it is given, one a line, into a file. Answers
/// the script and that file.
pub fn recording_browser(dir: &Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt as _;
    let script = dir.join("browser.sh");
    let arguments = dir.join("arguments");
    let partial = dir.join("arguments.partial");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}' && mv '{}' '{}'\n",
            partial.display(),
            partial.display(),
            arguments.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, arguments)
}

/// The text of the file at `path` once it exists; fails after a while.
pub fn wait_for_file(path: &Path) -> String {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
