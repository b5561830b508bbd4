//! What every request must show before it is answered: the token, a Host
//! of this server, and for a change, an Origin of this page.

use std::fmt::Write as _;
use std::io;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::app::App;

/// A new random token: 32 hexadecimal digits, 128 bits.
pub fn new_token() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| io::Error::other(error.to_string()))?;
    Ok(bytes.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    }))
}

/// Answers the request only when it carries the token.
pub async fn check(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let query = request.uri().query().unwrap_or_default();
    let token = format!("token={}", app.token);
    if query.split('&').any(|pair| pair == token) {
        return next.run(request).await;
    }
    StatusCode::FORBIDDEN.into_response()
}
