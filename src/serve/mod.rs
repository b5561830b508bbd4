//! `thankyou serve`: a page on the user's own machine where a record is
//! written on the left and every draft changes on the right as it is typed.
//!
//! The server binds 127.0.0.1 only and answers a request only with the
//! token it printed ([`guard`]); records are named by file inside the one
//! folder it serves ([`confine`]); the page, its style and its script are
//! files in `web/`, embedded in the binary ([`assets`]); [`applications`],
//! [`record`] (with [`preview`]) and [`download`] answer the page's
//! questions with the same code the commands use; [`api`] says the server
//! is up; [`listen`] takes the connections, within limits that keep
//! anyone else on the machine from holding the server up; [`launch`] opens
//! the browser with a one-time code, not the token, on its command line.

mod api;
mod app;
mod applications;
mod assets;
pub mod confine;
mod download;
pub mod guard;
mod launch;
mod listen;
mod preview;
mod record;
mod undo;

pub use app::{App, Options};

use std::fs;
use std::io::{self, Write as _};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::watch;

/// Serves the folder until Ctrl-C or SIGTERM; prints the page's address,
/// with its token, on standard output first, and "stopped" on standard
/// error last.
pub fn run(options: Options) -> io::Result<()> {
    // A signal stops the server once the requests under way are answered
    // (see `stop_asked`); the watcher that ends other commands at once
    // must not cut a save short.
    crate::output::cleanup::leave_signals_to_caller();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let result = runtime.block_on(serve(options));
    // Nothing left to wait for: a browser still starting is its own
    // process.
    runtime.shutdown_background();
    // A save still running after the grace period leaves no temporary file.
    crate::output::cleanup::remove_pending();
    result
}

/// Binds, announces the address, and answers until asked to stop.
async fn serve(options: Options) -> io::Result<()> {
    let dir = folder(&options.dir)?;
    let listener = bind(options.port).await?;
    let port = listener.local_addr()?.port();
    let app = Arc::new(App {
        dir,
        token: guard::new_token()?,
        page_key: guard::new_token()?,
        launch: Mutex::new(if options.open {
            Some(launch::code(guard::new_token()?))
        } else {
            None
        }),
        port,
        renderer: options.renderer,
        today: options.today,
        marks: undo::Marks::default(),
    });
    // Listened for before the address is printed, so a signal sent as
    // soon as it is seen still stops the server cleanly.
    let stopping = stop_asked()?;
    let url = format!("http://127.0.0.1:{port}/?token={}", app.token);
    // A closed standard output must not stop the server: the note below
    // and the browser still lead to it.
    let _ = writeln!(io::stdout(), "{url}");
    crate::report::note(&format!(
        "serving the records in {}; Ctrl-C stops it",
        options.dir.display()
    ));
    let code = app
        .launch
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .map(|launch| launch.code.clone());
    if let Some(code) = code {
        launch::open_browser(format!("http://127.0.0.1:{port}/?launch={code}"));
    }
    listen::serve(
        listener,
        router(app),
        listen::Limits::from_env(),
        stopped(stopping),
    )
    .await;
    crate::report::note("stopped");
    Ok(())
}

/// The folder to serve, canonical, or why it cannot be served.
fn folder(dir: &Path) -> io::Result<PathBuf> {
    let refuse =
        |kind, why: &str| io::Error::new(kind, format!("cannot serve {}: {why}", dir.display()));
    match fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => dir
            .canonicalize()
            .map_err(|error| refuse(error.kind(), &error.to_string())),
        Ok(_) => Err(refuse(
            io::ErrorKind::NotADirectory,
            "it is not a folder; give the folder that holds the records",
        )),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            Err(refuse(error.kind(), "there is no such folder"))
        }
        Err(error) => Err(refuse(error.kind(), &error.to_string())),
    }
}

/// A listener on 127.0.0.1 only, on `port` (0: a free one).
async fn bind(port: u16) -> io::Result<TcpListener> {
    TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))
        .await
        .map_err(|error| {
            let why = match error.kind() {
                io::ErrorKind::AddrInUse => format!(
                    "port {port} is in use; give another with --port, or leave it out for a free one"
                ),
                io::ErrorKind::PermissionDenied => format!(
                    "port {port} is not open to you; give one above 1023 with --port, or leave it out for a free one"
                ),
                _ => format!("cannot listen on 127.0.0.1:{port}: {error}"),
            };
            io::Error::new(error.kind(), why)
        })
}

/// Listens, from now on, for Ctrl-C and for the system asking the server
/// to stop (SIGTERM); the receiver turns true when either comes, after a
/// note that the server is stopping.
fn stop_asked() -> io::Result<watch::Receiver<bool>> {
    let listen = |kind| {
        signal(kind).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("cannot listen for Ctrl-C to stop the server: {error}"),
            )
        })
    };
    let mut interrupt = listen(SignalKind::interrupt())?;
    let mut terminate = listen(SignalKind::terminate())?;
    let (send, receive) = watch::channel(false);
    tokio::spawn(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        crate::report::note("stopping: finishing the requests under way");
        let _ = send.send(true);
    });
    Ok(receive)
}

/// Ends once the server is asked to stop.
async fn stopped(mut stopping: watch::Receiver<bool>) {
    // An error means the sender is gone with the runtime: stop too.
    let _ = stopping.wait_for(|stop| *stop).await;
}

/// Every route, behind the guard, which also caps every body.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .merge(assets::router())
        .merge(record::router())
        .merge(applications::router())
        .nest("/api", api::router())
        .layer(DefaultBodyLimit::max(guard::BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::check,
        ))
        .with_state(app)
}
