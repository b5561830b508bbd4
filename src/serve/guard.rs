//! What every request must show before it is answered, and what every
//! answer carries.
//!
//! In this order: a Host of this server (against DNS rebinding), the token,
//! for anything but GET and HEAD an Origin of this server, and a body of
//! at most [`BODY_LIMIT`]. The body is read here, so the limit holds for a
//! body sent without a length too, and no handler can forget it. Every
//! answer, a refusal included, gets the security headers of [`secure`].
//!
//! The token is shown in the query (the printed address, which also sets
//! a cookie), in the header [`TOKEN_HEADER`] (the page's scripts), or, in a
//! form post, in the field `token`. The cookie holds another secret, the
//! page key, which opens only the pages and their files, which hold no
//! record: a browser sends a cookie for 127.0.0.1 to every port of it, so
//! any other server there receives it.

use std::fmt::Write as _;
use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, HttpBody as _};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::app::App;

/// The header in which the page's scripts show the token on every call.
pub const TOKEN_HEADER: &str = "x-thankyou-token";

/// The largest request body accepted, in bytes (2 MiB); a record is far
/// smaller.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// How much of a body above [`BODY_LIMIT`], sent with the token, is read
/// and dropped before the refusal, so the client, still sending, reads
/// the answer rather than a reset connection.
const DRAIN_LIMIT: usize = 16 * 1024 * 1024;

/// How much of a refused request's body is read and dropped before the
/// answer: a little, so a client that sends a small body at once reads
/// the answer; never the whole of a large or slow one, which would let
/// anyone on the machine hold a connection (see [`REFUSED_DRAIN_TIME`]).
const REFUSED_DRAIN_LIMIT: usize = 64 * 1024;

/// How long a refused request's body may take to drain; the connection
/// is closed after the answer.
const REFUSED_DRAIN_TIME: Duration = Duration::from_millis(100);

/// The Content-Security-Policy of every answer that sets none itself: the
/// page's own files only, no inline script, nothing from elsewhere.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// The policy of a whole document with its own `<style>` (the print sheet,
/// an HTML draft): inline style, and no script at all.
const DOCUMENT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
    img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// A new random token: 32 hexadecimal digits, 128 bits.
pub fn new_token() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| io::Error::other(error.to_string()))?;
    Ok(bytes.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    }))
}

/// The header a handler adds to serve a whole document with its own
/// `<style>` (the print sheet, an HTML draft): its inline style is allowed,
/// and no script at all. The guard keeps a policy the handler set:
/// `([guard::document_policy()], Html(text))`.
pub fn document_policy() -> (HeaderName, HeaderValue) {
    (
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCUMENT_POLICY),
    )
}

/// Answers the request only when it passes every check, and adds the
/// security headers to whatever the answer is.
pub async fn check(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let mut response = answer(&app, request, next).await;
    secure(response.headers_mut());
    response
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// The Host is not this server's.
    Host,
    /// The token is not shown where it must be, or a wrong one is.
    Token,
    /// A launch code already used, too old, or wrong.
    Launch,
    /// A change from a page that is not this server's.
    Origin,
    /// A body above [`BODY_LIMIT`].
    TooLarge,
    /// The body broke off before its end.
    Broken,
}

impl Refusal {
    /// The status and the words of the refusal.
    fn status_and_words(self, port: u16) -> (StatusCode, String) {
        match self {
            Refusal::Host => (
                StatusCode::FORBIDDEN,
                format!("This server answers only as 127.0.0.1:{port} or localhost:{port}."),
            ),
            Refusal::Token => (
                StatusCode::FORBIDDEN,
                "Open the address that thankyou serve printed, with its token.".to_owned(),
            ),
            Refusal::Launch => (
                StatusCode::FORBIDDEN,
                "This address opens the page only once, just after thankyou serve starts; \
                 open the address it printed, with its token."
                    .to_owned(),
            ),
            Refusal::Origin => (
                StatusCode::FORBIDDEN,
                "Changes are taken only from this server's own page.".to_owned(),
            ),
            Refusal::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request is larger than 2 MiB; a record is far smaller.".to_owned(),
            ),
            Refusal::Broken => (
                StatusCode::BAD_REQUEST,
                "The request broke off before its end; try again.".to_owned(),
            ),
        }
    }

    /// The refusal as an answer: `{"error"}` under `/api/`, as the API's
    /// other errors are; plain text elsewhere. The connection is closed
    /// after it, since the rest of the body, unread, may still come.
    fn answer(self, port: u16, parts: &Parts) -> Response {
        let (status, words) = self.status_and_words(port);
        let close = [(header::CONNECTION, HeaderValue::from_static("close"))];
        if parts.uri.path().starts_with("/api/") {
            let body = serde_json::json!({ "error": words });
            (status, close, axum::Json(body)).into_response()
        } else {
            (status, close, format!("{words}\n")).into_response()
        }
    }
}

/// How a request showed the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// In the query: the printed address, so the cookie is to be set.
    Query,
    /// In the header; or the page key in the cookie, where that is enough.
    Enough,
    /// The launch code the browser was opened with, now spent: answered
    /// as the printed address is, with the token moved to the fragment.
    Launch,
    /// Only the page key in the cookie, where that is not enough: a form
    /// post may still show the token in its field `token`, once its body
    /// is read.
    InForm,
}

/// The answer to a request: a refusal, the redirect that moves the token
/// from a page's address to the page itself, or the handler's answer.
async fn answer(app: &App, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let shown = match admit(app, &parts) {
        Ok(shown) => shown,
        Err(refusal) => {
            let drain = read(body, 0, REFUSED_DRAIN_LIMIT);
            let _ = tokio::time::timeout(REFUSED_DRAIN_TIME, drain).await;
            return refusal.answer(app.port, &parts);
        }
    };
    if shown == Shown::Launch || (shown == Shown::Query && is_page_view(&parts)) {
        return redirect(app, &parts);
    }
    let body = match read(body, BODY_LIMIT, DRAIN_LIMIT).await {
        Ok(bytes) => bytes,
        Err(refusal) => return refusal.answer(app.port, &parts),
    };
    if shown == Shown::InForm && !form_holds_token(app, &parts.headers, &body) {
        return Refusal::Token.answer(app.port, &parts);
    }
    let mut response = next.run(Request::from_parts(parts, Body::from(body))).await;
    if shown == Shown::Query {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookie(app));
    }
    response
}

/// Whether the request may be answered, and how it showed the token.
fn admit(app: &App, parts: &Parts) -> Result<Shown, Refusal> {
    if !host_is_ours(app.port, parts) {
        return Err(Refusal::Host);
    }
    let shown = token_shown(app, parts)?;
    let reads = parts.method == Method::GET || parts.method == Method::HEAD;
    if !reads && !origin_is_ours(app.port, &parts.headers) {
        return Err(Refusal::Origin);
    }
    if declared_length(&parts.headers).is_some_and(|length| length > BODY_LIMIT) {
        return Err(Refusal::TooLarge);
    }
    Ok(shown)
}

/// How the request showed the token, or the refusal when it did not. A
/// token header that is there but wrong is refused whatever else the
/// request holds. The cookie holds the page key, never the token.
fn token_shown(app: &App, parts: &Parts) -> Result<Shown, Refusal> {
    let mut headers = parts.headers.get_all(TOKEN_HEADER).iter();
    match (headers.next(), headers.next()) {
        (Some(given), None) if given.to_str().is_ok_and(|given| same(given, &app.token)) => {
            return Ok(Shown::Enough);
        }
        (Some(_), _) => return Err(Refusal::Token),
        (None, _) => {}
    }
    if field_value(parts.uri.query(), "token").is_some_and(|token| same(token, &app.token)) {
        return Ok(Shown::Query);
    }
    if let Some(code) = field_value(parts.uri.query(), "launch") {
        let opens = parts.method == Method::GET && parts.uri.path() == "/";
        return if opens && app.take_launch(code, same) {
            Ok(Shown::Launch)
        } else {
            Err(Refusal::Launch)
        };
    }
    // A form comes from the page, which has the cookie; no body is read
    // for anyone else.
    if !cookie_holds_key(app, &parts.headers) {
        return Err(Refusal::Token);
    }
    if cookie_is_enough(parts) {
        Ok(Shown::Enough)
    } else if parts.method == Method::POST && is_form(&parts.headers) {
        Ok(Shown::InForm)
    } else {
        Err(Refusal::Token)
    }
}

/// Whether the cookie alone opens what is asked for: a page, or a file of
/// the page, read. Neither holds a record; everything else (the API, the
/// downloads, any other address) needs the token shown.
fn cookie_is_enough(parts: &Parts) -> bool {
    let path = parts.uri.path();
    (parts.method == Method::GET || parts.method == Method::HEAD)
        && (path == "/" || path.starts_with("/record/") || path.starts_with("/static/"))
}

/// Whether the body is a form (`application/x-www-form-urlencoded`).
fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|kind| kind.to_str().ok())
        .and_then(|kind| kind.split(';').next())
        .is_some_and(|kind| {
            kind.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// Whether the form `body` holds the field `token` with the token.
fn form_holds_token(app: &App, headers: &HeaderMap, body: &[u8]) -> bool {
    is_form(headers)
        && std::str::from_utf8(body)
            .ok()
            .and_then(|body| field_value(Some(body), "token"))
            .is_some_and(|token| same(token, &app.token))
}

/// Whether `host` is one of the names this server answers as.
fn is_our_host(port: u16, host: &str) -> bool {
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// Whether the request names this server: one Host header, or an authority
/// in the request line (HTTP/2), and each it has is ours.
fn host_is_ours(port: u16, parts: &Parts) -> bool {
    let headers: Vec<&HeaderValue> = parts.headers.get_all(header::HOST).iter().collect();
    let authority = parts
        .uri
        .authority()
        .map(axum::http::uri::Authority::as_str);
    let header_ours = match headers.as_slice() {
        [] => None,
        [host] => Some(host.to_str().is_ok_and(|host| is_our_host(port, host))),
        _ => Some(false),
    };
    let authority_ours = authority.map(|authority| is_our_host(port, authority));
    match (header_ours, authority_ours) {
        (None, None) => false,
        (header, authority) => header.unwrap_or(true) && authority.unwrap_or(true),
    }
}

/// Whether the request's Origin is this server.
fn origin_is_ours(port: u16, headers: &HeaderMap) -> bool {
    let origins: Vec<&HeaderValue> = headers.get_all(header::ORIGIN).iter().collect();
    match origins.as_slice() {
        [origin] => origin.to_str().is_ok_and(|origin| {
            origin
                .strip_prefix("http://")
                .is_some_and(|host| is_our_host(port, host))
        }),
        _ => false,
    }
}

/// The value of the field `name` in a query or a form body, as sent (a
/// token is hexadecimal, so never encoded), when it has one.
fn field_value<'a>(fields: Option<&'a str>, name: &str) -> Option<&'a str> {
    fields?.split('&').find_map(|pair| {
        pair.split_once('=')
            .filter(|(key, _)| *key == name)
            .map(|(_, value)| value)
    })
}

/// The name of this server's cookie: with the port, since a cookie for
/// 127.0.0.1 is sent to every port of it.
fn cookie_name(port: u16) -> String {
    format!("thankyou-{port}")
}

/// The cookie that holds the page key after the first visit, which opens
/// the pages and their files only. Not the token: a browser sends a
/// cookie for 127.0.0.1 to every port of it, so any other server there
/// the user visits receives it. `Lax`, not `Strict`: the browser may come
/// to the first page from another site, and a `Strict` cookie would not
/// come along on the redirect to the page.
fn cookie(app: &App) -> HeaderValue {
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Lax; Path=/",
        cookie_name(app.port),
        app.page_key
    );
    HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Whether one of the request's cookies is this server's, with the page
/// key.
fn cookie_holds_key(app: &App, headers: &HeaderMap) -> bool {
    let name = cookie_name(app.port);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(key, value)| key == name && same(value, &app.page_key))
}

/// Whether two secrets are equal, in a time that does not tell how much of
/// them matched.
fn same(given: &str, secret: &str) -> bool {
    let (given, secret) = (given.as_bytes(), secret.as_bytes());
    let differences = given
        .iter()
        .zip(secret)
        .fold(0u8, |sum, (a, b)| sum | (a ^ b));
    std::hint::black_box(differences) == 0 && given.len() == secret.len()
}

/// Whether the request is a browser's visit to a page (not the API, not a
/// file of it), whose address bar and history the token should not stay
/// in. A browser asks for `text/html` when it visits; a script or a tool
/// asking for anything (`*/*`) is answered at once, with the cookie.
fn is_page_view(parts: &Parts) -> bool {
    let path = parts.uri.path();
    let wants_html = parts
        .headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|accept| accept.to_str().ok())
        .any(|accept| accept.contains("text/html"));
    (parts.method == Method::GET || parts.method == Method::HEAD)
        && wants_html
        && !path.starts_with("/api/")
        && !path.starts_with("/static/")
}

/// 303 to the same page with the token (or the launch code it stands for)
/// moved from the query to the fragment (`#token=`), setting the cookie. The browser never sends a
/// fragment to a server, and the page's script (`web/token.js`) keeps the
/// token for its calls and takes it out of the address bar. The address is
/// absolute, on the Host already checked, so a path such as `//elsewhere`
/// cannot lead off this server.
fn redirect(app: &App, parts: &Parts) -> Response {
    let rest: Vec<&str> = parts
        .uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            !pair.is_empty() && name != "token" && name != "launch"
        })
        .collect();
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .map_or_else(|| format!("127.0.0.1:{}", app.port), str::to_owned);
    let mut location = format!("http://{host}{}", parts.uri.path());
    if !rest.is_empty() {
        location = format!("{location}?{}", rest.join("&"));
    }
    location = format!("{location}#token={}", app.token);
    let location =
        HeaderValue::from_str(&location).unwrap_or_else(|_| HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, location),
            (header::SET_COOKIE, cookie(app)),
        ],
    )
        .into_response()
}

/// The length the request says its body has, when it says.
fn declared_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Reads the whole body when it is at most `limit` bytes. A larger one is
/// read on, and dropped, up to `drain` bytes, so the client reads the
/// refusal, then refused.
async fn read(mut body: Body, limit: usize, drain: usize) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = poll_fn(|context| Pin::new(&mut body).poll_frame(context)).await {
        let Ok(data) = frame.map_err(|_| Refusal::Broken)?.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len());
        if seen > drain {
            return Err(Refusal::TooLarge);
        }
        if seen <= limit {
            bytes.extend_from_slice(&data);
        }
    }
    if seen > limit {
        return Err(Refusal::TooLarge);
    }
    Ok(bytes)
}

/// Adds the security headers; a Content-Security-Policy the handler set
/// (see [`document_policy`]) stays.
fn secure(headers: &mut HeaderMap) {
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(POLICY),
        );
    }
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(same("abc", "abc"));
        for given in ["", "abd", "ab", "abcd", "ABC"] {
            assert!(!same(given, "abc"), "{given}");
        }
    }

    #[test]
    fn the_token_is_found_in_the_query_by_its_name() {
        assert_eq!(field_value(Some("a=1&token=xy"), "token"), Some("xy"));
        assert_eq!(
            field_value(Some("text=a&token=xy&b=2"), "token"),
            Some("xy")
        );
        assert_eq!(field_value(Some("mytoken=xy"), "token"), None);
        assert_eq!(field_value(Some("token"), "token"), None);
        assert_eq!(field_value(None, "token"), None);
    }
}
