//! The page's questions and changes, answered as JSON with the code the
//! commands use.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use super::app::App;

/// The API, under `/api`.
pub fn router() -> Router<Arc<App>> {
    Router::new().route("/health", get(|| async { "ok" }))
}
