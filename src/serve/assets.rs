//! The page's files, from `web/`, embedded in the binary: no build step,
//! nothing fetched from elsewhere.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::app::App;

/// Each file of `web/`: its name and its text.
const FILES: [(&str, &str); 7] = [
    ("index.html", include_str!("../../web/index.html")),
    ("record.html", include_str!("../../web/record.html")),
    ("style.css", include_str!("../../web/style.css")),
    (
        "applications.css",
        include_str!("../../web/applications.css"),
    ),
    ("index.js", include_str!("../../web/index.js")),
    ("record.js", include_str!("../../web/record.js")),
    ("token.js", include_str!("../../web/token.js")),
];

/// The applications page at `/`, a record's page at `/record/{file}`, and
/// the style and scripts under `/static/`.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(|| async { file("index.html") }))
        .route("/record/{name}", get(record_page))
        .route(
            "/static/{name}",
            get(|Path(name): Path<String>| async move { file(&name) }),
        )
}

/// A record's page, for a record in the folder served; 404 for any other
/// name, saying nothing of what is outside the folder.
async fn record_page(State(app): State<Arc<App>>, Path(name): Path<String>) -> Response {
    match super::confine::existing(&app.dir, &name) {
        Some(_) => file("record.html"),
        None => (StatusCode::NOT_FOUND, "no such record in this folder").into_response(),
    }
}

/// The embedded file `name`, with its type; 404 for any other name.
fn file(name: &str) -> Response {
    let Some((_, text)) = FILES.iter().find(|(file, _)| *file == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };
    ([(header::CONTENT_TYPE, kind)], *text).into_response()
}
