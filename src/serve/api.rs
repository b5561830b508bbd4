//! `/api/health`: whether the server is up, for a script or a test that
//! must know before it asks anything else.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use super::app::App;

/// The health route, under `/api`.
pub fn router() -> Router<Arc<App>> {
    Router::new().route("/health", get(|| async { "ok" }))
}
