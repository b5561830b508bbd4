//! The applications page's questions: every record in the folder with what
//! is due (`GET /api/records`), what the config knows (`GET /api/config`),
//! and a new record from the "New interview" form (`POST /api/records`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

mod form;
mod listing;

use self::form::{Form, Problem};
use self::listing::{in_words, mistakes};
use super::app::App;
use super::confine;
use crate::error::{Error, RecordError};
use crate::input::{read_record, settings};
use crate::output::{files, names, starter};
use crate::record::{self, Tone, placeholders};
use crate::today::Today;

/// `/api/records` and `/api/config`.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/api/records", get(list).post(create))
        .route("/api/config", get(config))
}

/// `{"error": message}` with `status`.
fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

/// Runs `work` on the blocking pool, where file reads belong; a panic in
/// it answers 500 instead of taking the server down.
async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, "the request failed"))
}

/// Every record in the folder, newest interview first.
async fn list(State(app): State<Arc<App>>) -> Response {
    blocking(move || {
        let today = app.today.unwrap_or_else(|| Today::now().date());
        match listing::applications(&app.dir, today) {
            Ok(applications) => Json(applications).into_response(),
            Err(reason) => error(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot read the folder {}: {reason}", app.dir.display()),
            ),
        }
    })
    .await
}

/// Whether the config names the candidate, and its tone.
async fn config() -> Response {
    blocking(|| match settings() {
        Ok(settings) => Json(json!({
            "candidate_known": settings.candidate.name.is_some(),
            "tone": settings.tone.map(|tone| match tone {
                Tone::Warm => "warm",
                Tone::Formal => "formal",
            }),
        }))
        .into_response(),
        Err(reason) => error(StatusCode::INTERNAL_SERVER_ERROR, reason.to_string()),
    })
    .await
}

/// Writes a new record from the form, as `thankyou new` writes it: 201
/// `{"file"}`; 422 naming the answer that is not valid; 409 when the file
/// exists.
async fn create(State(app): State<Arc<App>>, body: Bytes) -> Response {
    blocking(move || {
        let form: Form = match serde_json::from_slice(&body) {
            Ok(form) => form,
            Err(reason) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("the form could not be read: {reason}"),
                );
            }
        };
        match write_record(&app, &form) {
            Ok(file) => (StatusCode::CREATED, Json(json!({ "file": file }))).into_response(),
            Err((status, problems)) => refused(status, &problems),
        }
    })
    .await
}

/// `{"error", "problems"}` with `status`: every problem, and all their
/// messages in one text, a line each, for a reader of `error` alone.
fn refused(status: StatusCode, problems: &[Problem]) -> Response {
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    (
        status,
        Json(json!({ "error": messages.join("\n"), "problems": problems })),
    )
        .into_response()
}

/// A problem of the record as a whole, on no one field.
fn general(message: String) -> Vec<Problem> {
    vec![Problem {
        field: None,
        message,
    }]
}

/// Checks the form, writes its record into the folder (never over a
/// file) and reads it back; the file's name, or the status and every
/// problem.
fn write_record(app: &App, form: &Form) -> Result<String, (StatusCode, Vec<Problem>)> {
    let unprocessable = |problems: Vec<Problem>| (StatusCode::UNPROCESSABLE_ENTITY, problems);
    let failed = |message: String| (StatusCode::INTERNAL_SERVER_ERROR, general(message));
    let settings = settings().map_err(|error| failed(error.to_string()))?;
    let given = form
        .file
        .as_deref()
        .map(str::trim)
        .filter(|file| !file.is_empty());
    let file_problem = given
        .and_then(confine::name_problem)
        .map(|why| Problem::at("file", "File name", why));
    let answers = match form.answers(settings) {
        Ok(answers) => answers,
        Err(mut problems) => {
            problems.extend(file_problem);
            return Err(unprocessable(problems));
        }
    };
    let file = given.map_or_else(|| starter::default_file(&answers), str::to_owned);
    let path = confine::new_file(&app.dir, &file).ok_or_else(|| {
        let why = confine::name_problem(&file).unwrap_or("give another name.");
        unprocessable(vec![Problem::at("file", "File name", why)])
    })?;
    let text = starter::record_text(&answers, &names::shell_quote(&file));
    // Checked before it is written, so a refused form leaves no file; the
    // user wrote a form, not lines, so the mistakes name no line.
    record::parse_with(&file, text.as_bytes(), settings)
        .map_err(|error| unprocessable(each_mistake(&error)))?;
    if let Some(error) = placeholders::find(&file, &text) {
        return Err(unprocessable(each_mistake(&error)));
    }
    files::write_file(&path, &text, false).map_err(|error| match error {
        Error::WouldOverwrite { .. } => (
            StatusCode::CONFLICT,
            vec![Problem::at(
                "file",
                "File name",
                &format!("{file} already exists in this folder; give another name"),
            )],
        ),
        other => failed(other.to_string()),
    })?;
    read_record(&path).map_err(|error| {
        failed(format!(
            "{file} was written but cannot be read back: {}",
            in_words(&error, &path.display().to_string())
        ))
    })?;
    Ok(file)
}

/// Each mistake of the record the form made, a problem each.
fn each_mistake(error: &RecordError) -> Vec<Problem> {
    mistakes(error, false)
        .lines()
        .map(|line| Problem {
            field: None,
            message: line.replace('`', ""),
        })
        .collect()
}
