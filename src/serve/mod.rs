//! `thankyou serve`: a page on the user's own machine where a record is
//! written on the left and every draft changes on the right as it is typed.
//!
//! The server binds 127.0.0.1 only and answers a request only with the
//! token it printed ([`guard`]); records are named by file inside the one
//! folder it serves; the page, its style and its script are
//! files in `web/`, embedded in the binary ([`assets`]); [`api`] answers
//! the page's questions with the same code the commands use.

mod api;
mod app;
mod applications;
mod assets;
pub mod confine;
mod guard;

pub use app::{App, Options};

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

/// Serves the folder until Ctrl-C; prints the page's address, with its
/// token, on standard output first.
pub fn run(options: Options) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(options))
}

async fn serve(options: Options) -> io::Result<()> {
    let dir = options.dir.canonicalize().map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("cannot serve {}: {error}", options.dir.display()),
        )
    })?;
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port))).await?;
    let port = listener.local_addr()?.port();
    let app = Arc::new(App {
        dir,
        token: guard::new_token()?,
        port,
        renderer: options.renderer,
        today: options.today,
    });
    let url = format!("http://127.0.0.1:{port}/?token={}", app.token);
    println!("{url}");
    crate::report::note(&format!(
        "serving the records in {}; Ctrl-C stops it",
        options.dir.display()
    ));
    if options.open
        && let Err(error) = opener::open_browser(&url)
    {
        crate::report::warning(&format!(
            "could not open a browser ({error}); open the address above"
        ));
    }
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            // Without a signal handler the server runs until killed.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Every route, behind the guard.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .merge(assets::router())
        .merge(applications::router())
        .nest("/api", api::router())
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::check,
        ))
        .with_state(app)
}
