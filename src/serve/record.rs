//! A record's page asks here: its text and version, the drafts of the
//! text being typed, saving, and marking a draft as sent.
//!
//! Saving and logging go through the record's lock and its atomic writer
//! ([`Update`]), the same as `thankyou log`, and change nothing when the
//! file is no longer the one the page loaded: they answer 409 with what is
//! on disk, so the page can offer to reload or to keep its own text.

use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::app::App;
use super::undo::Mark;
use super::{confine, download, preview};
use crate::error::Error;
use crate::input;
use crate::output::log::{self, Logbook, Logged};
use crate::output::update::Update;
use crate::record::append::NewEntry;
use crate::record::{Kind, yaml};
use crate::today::Today;

/// The record routes, and the downloads beside them.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/api/record/{file}", get(load).post(save))
        .route("/api/record/{file}/log", post(mark_sent))
        .route("/api/record/{file}/unlog", post(unmark_sent))
        .route("/api/preview", post(show_preview))
        .merge(download::router())
}

/// An opaque version of `bytes`: their length and a hash, so any change
/// to the bytes changes it.
pub fn version(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{}-{:016x}", bytes.len(), hasher.finish())
}

/// `{"error": message}` with `status`.
pub fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// The answer when the file changed on disk: 409, with what is there now.
fn conflict(bytes: &[u8]) -> Response {
    conflict_because(bytes, "This file changed on disk since you opened it")
}

/// The 409 of a change refused because the file is not as expected,
/// saying why, with what is on disk.
fn conflict_because(bytes: &[u8], why: &str) -> Response {
    (
        StatusCode::CONFLICT,
        Json(json!({
            "error": why,
            "text": String::from_utf8_lossy(bytes),
            "version": version(bytes),
        })),
    )
        .into_response()
}

/// The answer for an error from the library: the user's mistake or a
/// refusal is 422, a failure to read or write 500.
fn failed(error: &Error) -> Response {
    let status = match error {
        Error::Read { .. } | Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    self::error(status, &error.to_string())
}

/// The 404 for a name that is not a record in the folder.
fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such record in this folder")
}

/// Runs `work` on the blocking pool, away from the threads that answer
/// requests.
async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, "the server failed"))
}

/// The most a record file may hold, and one byte more to tell one too large.
fn limit() -> u64 {
    u64::try_from(yaml::MAX_BYTES).map_or(u64::MAX, |limit| limit + 1)
}

/// `GET /api/record/{file}`: `{file, text, version}`.
async fn load(State(app): State<Arc<App>>, Path(file): Path<String>) -> Response {
    let Some(path) = confine::existing(&app.dir, &file) else {
        return not_found();
    };
    blocking(move || read(&path, &file)).await
}

/// The record at `path`, named `file`, as the page loads it.
fn read(path: &PathBuf, file: &str) -> Response {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(reason) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("cannot read {file}: {reason}"),
            );
        }
    };
    if bytes.len() > yaml::MAX_BYTES {
        return failed(&yaml::too_large(file, u64::try_from(bytes.len()).ok()).into());
    }
    let version = version(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Json(json!({ "file": file, "text": text, "version": version })).into_response(),
        Err(_) => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{file} is not UTF-8 text; save it as UTF-8 to open it here"),
        ),
    }
}

/// What a save sends.
#[derive(Deserialize)]
struct Save {
    /// The new text.
    text: String,
    /// The version the page loaded or last saved.
    version: String,
}

/// `POST /api/record/{file}`: writes the text unless the file changed
/// since `version`; `{version}`, or 409.
async fn save(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    Json(save): Json<Save>,
) -> Response {
    let Some(path) = confine::existing(&app.dir, &file) else {
        return not_found();
    };
    blocking(move || {
        let update = match Update::open(&path, limit(), false) {
            Ok(update) => update,
            Err(error) => return failed(&error),
        };
        if version(update.contents()) != save.version {
            return conflict(update.contents());
        }
        match update.replace(&save.text) {
            Ok(()) => Json(json!({ "version": version(save.text.as_bytes()) })).into_response(),
            Err(error) => failed(&error),
        }
    })
    .await
}

/// What "mark as sent" sends.
#[derive(Deserialize)]
struct MarkSent {
    /// What was sent.
    sent: Kind,
    /// To whom, as the record names them.
    to: String,
    /// The version the page loaded or last saved.
    version: String,
}

/// `POST /api/record/{file}/log`: adds "sent today" to the record's log,
/// as `thankyou log --sent KIND --to NAME` does; `{text, version, message}`,
/// or 409.
async fn mark_sent(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    Json(mark): Json<MarkSent>,
) -> Response {
    let Some(path) = confine::existing(&app.dir, &file) else {
        return not_found();
    };
    blocking(move || {
        let today = app.today.unwrap_or_else(|| Today::now().date());
        let mut added = Vec::new();
        let mut before = String::new();
        let logged = in_logbook(&path, &file, &mark.version, |logbook| {
            logbook.check_date(today, "today")?;
            added = log::sent(logbook.record(), today, mark.sent, &[mark.to], None, "to")?;
            logbook.text().clone_into(&mut before);
            logbook.write(&added)
        });
        if let Ok(Ok(logged)) = &logged {
            app.marks.remember(Mark {
                path,
                after: version(logged.text.as_bytes()),
                before,
                entry: logged.message.clone(),
            });
        }
        let entry = added.first().and_then(|entry| match entry {
            NewEntry::Sent { date, kind, to, .. } => Some(json!({
                "date": date.to_string(), "sent": kind.name(), "to": to,
            })),
            NewEntry::Reply { .. } => None,
        });
        answer(logged, "Logged", entry.as_ref())
    })
    .await
}

/// What "Undo" after "mark as sent" sends.
#[derive(Deserialize)]
struct Unmark {
    /// The version "mark as sent" answered.
    version: String,
}

/// `POST /api/record/{file}/unlog`: puts back the text the record had
/// before this server's "mark as sent" that left it at `version`, when
/// the file is still at that version; `{text, version, message}`, 409 when
/// it changed since, 422 when this server made no such mark.
async fn unmark_sent(
    State(app): State<Arc<App>>,
    Path(file): Path<String>,
    Json(unmark): Json<Unmark>,
) -> Response {
    let Some(path) = confine::existing(&app.dir, &file) else {
        return not_found();
    };
    blocking(move || {
        let Some(mark) = app.marks.take(&path, &unmark.version) else {
            return error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "this page can only undo an entry it has just added, and this one it did not \
                 (or the server has restarted since); take the entry out of the log in the editor",
            );
        };
        let (answer, used) = restore(&mark);
        if !used {
            app.marks.remember(mark);
        }
        answer
    })
    .await
}

/// Writes back the text before `mark`, through the record's lock and
/// atomic writer, when the file is still as the mark left it; the answer,
/// and whether the mark was used.
fn restore(mark: &Mark) -> (Response, bool) {
    let update = match Update::open(&mark.path, limit(), false) {
        Ok(update) => update,
        Err(error) => return (failed(&error), false),
    };
    if version(update.contents()) != mark.after {
        let why = "the record has changed since it was marked as sent, so the entry was left \
                   in; take it out of the log in the editor if you still want to";
        return (conflict_because(update.contents(), why), false);
    }
    match update.replace(&mark.before) {
        Ok(()) => (
            Json(json!({
                "version": version(mark.before.as_bytes()),
                "message": format!("Removed from the log: {}.", mark.entry),
                "text": mark.before,
            }))
            .into_response(),
            true,
        ),
        Err(error) => (failed(&error), false),
    }
}

/// Opens the record at `path` under its lock and runs `change` on its
/// log, unless the file is no longer at `version`: then the conflict.
fn in_logbook(
    path: &std::path::Path,
    file: &str,
    version: &str,
    change: impl FnOnce(Logbook) -> Result<Logged, Error>,
) -> Result<Result<Logged, Response>, Error> {
    let update = Update::open(path, limit(), false)?;
    if self::version(update.contents()) != version {
        return Ok(Err(conflict(update.contents())));
    }
    change(Logbook::open(update, file, input::settings()?)?).map(Ok)
}

/// The answer to a change of the log: `{text, version, message}` with
/// the message after `verb` ("Logged email sent to …"), and the `entry`
/// added when there is one; or the conflict, or why not.
fn answer(
    outcome: Result<Result<Logged, Response>, Error>,
    verb: &str,
    entry: Option<&serde_json::Value>,
) -> Response {
    match outcome {
        Ok(Ok(logged)) => Json(json!({
            "version": version(logged.text.as_bytes()),
            "message": format!("{verb} {}.", logged.message),
            "text": logged.text,
            "entry": entry,
        }))
        .into_response(),
        Ok(Err(conflict)) => conflict,
        Err(error) => failed(&error),
    }
}

/// What a preview sends.
#[derive(Deserialize)]
struct PreviewRequest {
    /// The record's file name, for messages.
    file: Option<String>,
    /// The text being typed.
    text: String,
}

/// `POST /api/preview`: the drafts of the text, or its mistakes.
async fn show_preview(
    State(app): State<Arc<App>>,
    Json(request): Json<PreviewRequest>,
) -> Response {
    blocking(move || {
        let name = preview::record_name(request.file.as_deref());
        Json(preview::preview(&app, &name, &request.text)).into_response()
    })
    .await
}
