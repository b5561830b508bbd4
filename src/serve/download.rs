//! The files a record's page offers, written by the same formats as the
//! commands: one draft's `.eml` (`render --format eml`), the plan's
//! calendar (`schedule --ics`) and the print sheet of cards (`render
//! --format print`). Each is a form post of the text being edited, so what
//! is downloaded is what is on screen, saved or not.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Deserialize;

use super::app::App;
use super::guard;
use super::preview::{self, Rendered};
use crate::format::{self, Input, eml, ics, print};
use crate::output::names;
use crate::plan::{self, Step, due};

/// The download routes.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/download/eml", post(eml_file))
        .route("/download/ics", post(ics_file))
        .route("/download/print", post(print_sheet))
}

/// The form a download posts.
#[derive(Deserialize)]
struct Fields {
    /// The record's text, as edited.
    text: String,
    /// The record's file name, for messages and names.
    file: Option<String>,
    /// The draft wanted, by its identifier, for an `.eml`.
    draft: Option<String>,
}

/// A plain-text answer saying why there is nothing to download.
fn refusal(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.to_owned(),
    )
        .into_response()
}

/// Reads the form's record and makes the answer from it, on the blocking
/// pool; a record with a mistake is answered with its mistakes.
async fn with_record(
    app: Arc<App>,
    fields: Fields,
    answer: impl FnOnce(&Rendered, &str, Option<&str>) -> Response + Send + 'static,
) -> Response {
    let work = move || {
        let name = preview::record_name(fields.file.as_deref());
        match preview::read(&app, &name, &fields.text) {
            Ok(rendered) => answer(&rendered, &name, fields.draft.as_deref()),
            Err(problems) => {
                let mut message = format!("{name} has mistakes to mend first:\n");
                for problem in problems {
                    if let Some(line) = problem.line {
                        let _ = write!(message, "line {line}: ");
                    }
                    message.push_str(&problem.message);
                    message.push('\n');
                }
                refusal(StatusCode::UNPROCESSABLE_ENTITY, &message)
            }
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| refusal(StatusCode::INTERNAL_SERVER_ERROR, "the server failed"))
}

/// `body` as a file to save, named `file`, or `readable` (RFC 6266's
/// `filename*`, UTF-8) by a browser that can when it is another name.
fn attachment(kind: &'static str, file: &str, readable: &str, body: String) -> Response {
    let mut disposition = format!("attachment; filename=\"{file}\"");
    if readable != file {
        let _ = write!(
            disposition,
            "; filename*=UTF-8''{}",
            percent_encoded(readable)
        );
    }
    match HeaderValue::from_str(&disposition) {
        Ok(disposition) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            body,
        )
            .into_response(),
        Err(_) => refusal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the file name is not valid",
        ),
    }
}

/// `name` as RFC 8187 writes a header parameter's value: its UTF-8 bytes,
/// each but the letters, digits and the marks RFC 8187 allows as `%XX`.
fn percent_encoded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// `POST /download/eml`: the draft `draft` as an RFC 5322 message, named
/// as `render --format eml --out-dir` names it.
async fn eml_file(State(app): State<Arc<App>>, Form(fields): Form<Fields>) -> Response {
    with_record(app, fields, |rendered, _, draft| {
        let Some(index) = draft.and_then(|draft| rendered.ids.iter().position(|id| id == draft))
        else {
            return refusal(StatusCode::NOT_FOUND, "no such draft in this record");
        };
        let (draft, id) = (&rendered.drafts[index], &rendered.ids[index]);
        if !draft.step.kind.is_emailed() {
            return refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "a card is written by hand; open the print sheet instead",
            );
        }
        let Some(address) = rendered.record.email(draft.step.who) else {
            return refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!(
                    "{} has no email in the record; add their work address",
                    draft.step.to
                ),
            );
        };
        match eml::message(&rendered.record, draft, address) {
            Ok(message) => {
                let file = format!("{id}.eml");
                attachment("message/rfc822", &file, &file, message)
            }
            Err(error) => refusal(StatusCode::UNPROCESSABLE_ENTITY, &error.to_string()),
        }
    })
    .await
}

/// `POST /download/ics`: the plan as a calendar, as `schedule --ics` writes it.
async fn ics_file(State(app): State<Arc<App>>, Form(fields): Form<Fields>) -> Response {
    with_record(app, fields, |rendered, name, _| {
        let record = &rendered.record;
        let (steps, _) = due::schedule(record, plan::max_checkins(None, record));
        let steps: Vec<&Step> = steps.iter().map(|(step, _)| step).collect();
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let file = format!("{}.ics", names::ascii_slug(stem));
        attachment(
            "text/calendar; charset=utf-8",
            &file,
            &format!("{stem}.ics"),
            ics::calendar(record, &steps, name),
        )
    })
    .await
}

/// `POST /download/print`: the print sheet of the cards, shown, with a
/// policy that lets its own style apply and no script run.
async fn print_sheet(State(app): State<Arc<App>>, Form(fields): Form<Fields>) -> Response {
    with_record(app, fields, |rendered, name, _| {
        let options = format::Options {
            to_stdout: false,
            ..format::Options::default()
        };
        let input = Input {
            record: &rendered.record,
            source: name,
            drafts: &rendered.drafts,
            options: &options,
        };
        match (print::FORMAT.write)(&input) {
            Ok(written) => {
                let body = written
                    .documents
                    .into_iter()
                    .next()
                    .map(|document| document.body)
                    .unwrap_or_default();
                (
                    [
                        (
                            header::CONTENT_TYPE,
                            HeaderValue::from_static("text/html; charset=utf-8"),
                        ),
                        guard::document_policy(),
                    ],
                    body,
                )
                    .into_response()
            }
            Err(_) => refusal(
                StatusCode::UNPROCESSABLE_ENTITY,
                "this record plans no card, so there is no print sheet",
            ),
        }
    })
    .await
}
