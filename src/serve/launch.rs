//! Opening the page in the user's browser without the token on a command
//! line, where `ps` shows it to anyone on the machine for as long as the
//! browser runs.
//!
//! The browser is given a small HTML file instead, readable by the user
//! alone (mode 0600, in a folder of mode 0700), that sends it on to the
//! address with the token; Jupyter opens its notebooks the same way. The
//! file is removed when the server stops, and on a hangup (the terminal
//! closed), with the temporary files of `output::cleanup`.

use std::fs::{self, OpenOptions, Permissions};
use std::io::{self, Write as _};
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use tempfile::TempDir;

use crate::output::cleanup;

/// The name of the file the browser is given.
const FILE_NAME: &str = "open-thankyou.html";

/// The bytes of a path that stay as they are in a `file://` address.
const PATH_KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The file the browser was given, in its private folder; dropping it
/// removes both.
pub struct BrowserFile {
    /// The private folder, removed with everything in it when dropped.
    folder: TempDir,
}

impl Drop for BrowserFile {
    fn drop(&mut self) {
        cleanup::unlist(&self.folder.path().join(FILE_NAME));
    }
}

/// Opens `url` in the user's browser through a private file, aside, so a
/// browser slow to start never holds the server up. The file is answered,
/// to keep until the server stops. Failing to open only earns a warning.
pub fn open_browser(url: &str) -> Option<BrowserFile> {
    let folder = match write_file(url) {
        Ok(folder) => folder,
        Err(error) => {
            crate::report::warning(&format!(
                "could not open a browser ({error}); open the address above"
            ));
            return None;
        }
    };
    let path = folder.path().join(FILE_NAME);
    cleanup::list(path.clone());
    let address = file_address(&path);
    tokio::task::spawn_blocking(move || {
        if let Err(error) = opener::open_browser(&address) {
            crate::report::warning(&format!(
                "could not open a browser ({error}); open the address above"
            ));
        }
    });
    Some(BrowserFile { folder })
}

/// A new private folder holding the file that leads to `url`.
fn write_file(url: &str) -> io::Result<TempDir> {
    let folder = tempfile::Builder::new()
        .prefix("thankyou-serve-")
        .permissions(Permissions::from_mode(0o700))
        .tempdir()?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(folder.path().join(FILE_NAME))?;
    file.write_all(page(url).as_bytes())?;
    // The mode asked for at creation is narrowed by the umask, never
    // widened; set it exactly all the same.
    fs::set_permissions(folder.path().join(FILE_NAME), Permissions::from_mode(0o600))?;
    Ok(folder)
}

/// The page that sends the browser on to `url` at once, with a link for a
/// browser that does not follow it.
fn page(url: &str) -> String {
    let url = escape(url);
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"refresh\" content=\"0;url={url}\">\n\
         <title>thankyou serve</title>\n</head>\n<body>\n\
         <p><a href=\"{url}\">Open thankyou serve</a></p>\n</body>\n</html>\n"
    )
}

/// `text` with the characters that mean something in HTML escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `file://` address of `path`.
fn file_address(path: &Path) -> String {
    let path = path.to_string_lossy();
    format!("file://{}", utf8_percent_encode(&path, PATH_KEPT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_leads_to_the_address_and_only_its_owner_reads_it() {
        let folder = write_file("http://127.0.0.1:8799/?token=ab&c").unwrap();
        let path = folder.path().join(FILE_NAME);
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("content=\"0;url=http://127.0.0.1:8799/?token=ab&amp;c\""),
            "{text}"
        );
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(folder.path()), 0o700);
        drop(folder);
        assert!(!path.exists());
    }

    #[test]
    fn a_path_becomes_a_file_address() {
        assert_eq!(
            file_address(Path::new("/tmp/a b/é.html")),
            "file:///tmp/a%20b/%C3%A9.html"
        );
    }
}
