//! A real browser for the page's tests: headless Chromium, started once per
//! test with a fresh profile and driven through the `DevTools` protocol.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::browser::{
    SetDownloadBehaviorBehavior, SetDownloadBehaviorParams,
};
use chromiumoxide::page::{Page, ScreenshotParams};
use futures::StreamExt as _;
use serde::de::DeserializeOwned;
use tempfile::TempDir;
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

/// How long a condition on the page may take to become true.
const PATIENCE_MS: u32 = 20_000;

/// How often a file or a tab waited for is looked for.
const LOOK_AGAIN: Duration = Duration::from_millis(10);

/// A running Chromium.
pub struct Chromium {
    runtime: Runtime,
    browser: Browser,
    events: JoinHandle<()>,
    _profile: TempDir,
}

impl Chromium {
    /// Starts Debian's `chromium` headless, with a profile of its own, at
    /// the size the README's screenshots are taken at.
    pub fn launch() -> Chromium {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let profile = TempDir::new().unwrap();
        let config = BrowserConfig::builder()
            .chrome_executable(executable())
            .new_headless_mode()
            .no_sandbox()
            .user_data_dir(profile.path())
            .window_size(1400, 900)
            .viewport(None)
            .args([
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .build()
            .unwrap();
        let (browser, mut handler) = runtime.block_on(Browser::launch(config)).unwrap();
        let events = runtime.spawn(async move { while handler.next().await.is_some() {} });
        Chromium {
            runtime,
            browser,
            events,
            _profile: profile,
        }
    }

    /// A new tab at `url`, once it has loaded.
    pub fn open(&self, url: &str) -> Tab<'_> {
        let page = self.runtime.block_on(async {
            let page = self.browser.new_page(url).await.unwrap();
            page.wait_for_navigation().await.unwrap();
            page
        });
        Tab {
            chromium: self,
            page,
        }
    }
}

impl Chromium {
    /// Saves every download into `folder`, without asking.
    pub fn save_downloads_in(&self, folder: &Path) {
        let params = SetDownloadBehaviorParams::builder()
            .behavior(SetDownloadBehaviorBehavior::Allow)
            .download_path(folder.to_string_lossy())
            .build()
            .unwrap();
        self.runtime.block_on(self.browser.execute(params)).unwrap();
    }

    /// The tab whose address ends with `path`, once the browser has one
    /// (a tab a page opened); fails after a while.
    pub fn tab_at(&self, path: &str) -> Tab<'_> {
        let deadline = Instant::now() + Duration::from_millis(PATIENCE_MS.into());
        loop {
            let found = self.runtime.block_on(async {
                for page in self.browser.pages().await.unwrap() {
                    if let Ok(Some(url)) = page.url().await
                        && url.ends_with(path)
                    {
                        return Some(page);
                    }
                }
                None
            });
            if let Some(page) = found {
                return Tab {
                    chromium: self,
                    page,
                };
            }
            assert!(Instant::now() < deadline, "no tab at {path}");
            std::thread::sleep(LOOK_AGAIN);
        }
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.runtime.block_on(self.browser.close());
        let _ = self.runtime.block_on(self.browser.wait());
        self.events.abort();
    }
}

/// The file `name` in `folder` once the browser has saved it there;
/// fails after a while. While saving, Chromium holds the name with an
/// empty file and writes into `name.crdownload`, renamed over it at the
/// end.
pub fn downloaded(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    let deadline = Instant::now() + Duration::from_millis(PATIENCE_MS.into());
    loop {
        let seen: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let saving = seen.iter().any(|file| file.ends_with(".crdownload"));
        let full = std::fs::metadata(&path).is_ok_and(|file| file.len() > 0);
        if full && !saving {
            return path;
        }
        assert!(
            Instant::now() < deadline,
            "no {name} downloaded; the folder holds {seen:?}"
        );
        std::thread::sleep(LOOK_AGAIN);
    }
}

/// Debian's Chromium, or the one `CHROMIUM` names.
fn executable() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// One tab of the browser.
pub struct Tab<'a> {
    chromium: &'a Chromium,
    page: Page,
}

impl Tab<'_> {
    /// The value of a JavaScript expression on the page (awaited when it
    /// is a promise).
    pub fn eval<T: DeserializeOwned>(&self, expression: &str) -> T {
        let function = format!("async () => {{ return ({expression}); }}");
        self.chromium
            .runtime
            .block_on(self.page.evaluate_function(function))
            .unwrap_or_else(|error| panic!("{expression}: {error}"))
            .into_value()
            .unwrap_or_else(|error| panic!("{expression}: {error}"))
    }

    /// Runs JavaScript statements on the page.
    pub fn run(&self, statements: &str) {
        let _: bool = self.eval(&format!("(() => {{ {statements}; return true; }})()"));
    }

    /// Waits until a JavaScript condition holds on the page, checking it
    /// as the page changes, across a navigation to another page; fails
    /// after a while with `what`.
    pub fn wait_for(&self, condition: &str, what: &str) {
        let promise = format!(
            "async () => new Promise(resolve => {{
                const start = performance.now();
                const check = () => {{
                    let holds = false;
                    try {{ holds = Boolean({condition}); }} catch (error) {{}}
                    if (holds) resolve(true);
                    else if (performance.now() - start > {PATIENCE_MS}) resolve(false);
                    else setTimeout(check, 5);
                }};
                check();
            }})"
        );
        // A navigation ends the page the check ran in: check the next one.
        for _ in 0..3 {
            let waited = self.chromium.runtime.block_on(async {
                if let Ok(result) = self.page.evaluate_function(promise.clone()).await {
                    Some(result.into_value::<bool>().unwrap_or(false))
                } else {
                    let _ = self.page.wait_for_navigation().await;
                    None
                }
            });
            if let Some(waited) = waited {
                assert!(waited, "waited {PATIENCE_MS} ms for {what}: {condition}");
                return;
            }
        }
        panic!("the page kept navigating while waiting for {what}");
    }

    /// Types `text` as keystrokes, one key at a time, into whatever has
    /// the focus, at its caret.
    pub fn type_keys(&self, text: &str) {
        self.chromium.runtime.block_on(async {
            let body = self.page.find_element("body").await.unwrap();
            body.type_str(text).await.unwrap();
        });
    }

    /// Presses one named key, such as `Backspace`, in whatever has the focus.
    pub fn press(&self, key: &str) {
        self.chromium.runtime.block_on(async {
            let body = self.page.find_element("body").await.unwrap();
            body.press_key(key).await.unwrap();
        });
    }

    /// Puts the caret of the textarea `selector` at the end of its line
    /// `line` (from 1), with the focus.
    pub fn caret_at_end_of_line(&self, selector: &str, line: usize) {
        self.run(&format!(
            "const editor = document.querySelector({});
             const at = editor.value.split('\\n').slice(0, {line}).join('\\n').length;
             editor.focus();
             editor.setSelectionRange(at, at)",
            serde_json::to_string(selector).unwrap()
        ));
    }

    /// Clicks the element `selector`.
    pub fn click(&self, selector: &str) {
        self.chromium.runtime.block_on(async {
            self.page
                .find_element(selector)
                .await
                .unwrap_or_else(|error| panic!("{selector}: {error}"))
                .click()
                .await
                .unwrap();
        });
    }

    /// The text of the element `selector`.
    pub fn text(&self, selector: &str) -> String {
        self.eval(&format!(
            "document.querySelector({}).textContent",
            serde_json::to_string(selector).unwrap()
        ))
    }

    /// Shows the page as a window `width` pixels wide and `height` high
    /// would, as a phone's narrow screen does (the browser's window itself
    /// stays as it was launched).
    pub fn set_viewport(&self, width: u32, height: u32) {
        use chromiumoxide::cdp::browser_protocol::emulation::SetDeviceMetricsOverrideParams;
        self.chromium
            .runtime
            .block_on(self.page.execute(SetDeviceMetricsOverrideParams::new(
                width, height, 1.0, false,
            )))
            .unwrap();
    }

    /// Saves a PNG of the page at `path`: the whole of it, or what the
    /// window shows.
    pub fn screenshot(&self, path: &Path, whole: bool) {
        let png = self
            .chromium
            .runtime
            .block_on(
                self.page
                    .screenshot(ScreenshotParams::builder().full_page(whole).build()),
            )
            .unwrap();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}
