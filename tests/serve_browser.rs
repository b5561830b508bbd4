//! `thankyou serve` in a real browser (headless Chromium): what a user sees
//! and does on the page, from the address `serve` prints.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use crate::browser::{Chromium, Tab, downloaded};
use crate::server::{Server, recording_browser, wait_for_file};

/// The record page of `file`, once its drafts are on screen.
fn record_page<'a>(chromium: &'a Chromium, server: &Server, file: &str) -> Tab<'a> {
    let tab = chromium.open(&server.url(&format!("/record/{file}")));
    tab.wait_for(
        "document.querySelectorAll('#drafts article.draft').length > 0",
        "the drafts",
    );
    tab
}

/// Types a letter after the interview date of `single.yaml` (line 8,
/// `interview_date: 2026-11-21`), so it is no date, and waits for the
/// drafts to be marked out of date.
fn break_the_interview_date(tab: &Tab<'_>) {
    tab.caret_at_end_of_line("#editor", 8);
    tab.type_keys("x");
    tab.wait_for(
        "document.querySelector('#drafts').classList.contains('stale')",
        "the drafts out of date",
    );
}

/// Whether some draft on the page holds `text`, as a JavaScript condition.
fn a_draft_says(text: &str) -> String {
    format!(
        "[...document.querySelectorAll('#drafts article.draft .body')].some(body => body.textContent.includes({}))",
        serde_json::to_string(text).unwrap()
    )
}

/// Saves a screenshot for the README when `UPDATE_SCREENSHOTS` is set, as
/// `INSTA_UPDATE` does for snapshots: the whole page, or the window.
fn screenshot_for_the_readme(tab: &Tab<'_>, name: &str, whole: bool) {
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/screenshots")
            .join(format!("{name}.png"));
        tab.screenshot(&path, whole);
    }
}

#[test]
fn the_address_with_its_token_opens_the_page_and_keeps_the_token_for_its_calls() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = chromium.open(&server.url("/"));
    // The token is gone from the address bar; the page's calls carry it.
    let address: String = tab.eval("location.href");
    assert!(!address.contains(&server.token), "{address}");
    let status: u16 = tab.eval("thankyou.fetch('/api/records').then(response => response.status)");
    assert_eq!(status, 200);
    // The cookie alone, which every port of 127.0.0.1 receives, opens no
    // record.
    let status: u16 = tab.eval("fetch('/api/records').then(response => response.status)");
    assert_eq!(status, 403);
    tab.wait_for(
        "document.querySelectorAll('#records li.record').length === 1",
        "the record listed",
    );
    assert!(tab.eval::<bool>("document.querySelector('#token-missing') === null"));
}

#[test]
fn typing_into_the_record_changes_the_drafts() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    assert!(tab.eval::<bool>(&a_draft_says("Maya Okafor")));
    // Line 4 is `  name: Maya Okafor`, the name every draft is signed with.
    tab.caret_at_end_of_line("#editor", 4);
    tab.type_keys("-Reyes");
    tab.wait_for(&a_draft_says("Maya Okafor-Reyes"), "the new signature");
    let timings: Vec<f64> = tab.eval("window.thankyouTimings");
    assert!(!timings.is_empty(), "no preview timed");
}

#[test]
fn a_typo_is_shown_at_its_line_and_the_last_drafts_stay() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    let drafts: usize = tab.eval("document.querySelectorAll('#drafts article.draft').length");
    // Line 8 is `interview_date: 2026-11-21`.
    tab.caret_at_end_of_line("#editor", 8);
    tab.type_keys("x");
    tab.wait_for(
        "document.querySelector('#problems li.problem.error[data-line=\"8\"]')",
        "the mistake at line 8",
    );
    let problem = tab.text("#problems li.problem.error[data-line=\"8\"]");
    assert!(problem.contains("is not a date"), "{problem}");
    assert!(tab.eval::<bool>("document.querySelector('#drafts').classList.contains('stale')"));
    assert_eq!(
        tab.eval::<usize>("document.querySelectorAll('#drafts article.draft').length"),
        drafts,
        "the last good drafts stay"
    );
    assert!(tab.eval::<bool>(&a_draft_says("Maya Okafor")));
    // Mended, the drafts are current again.
    tab.press("Backspace");
    tab.wait_for(
        "!document.querySelector('#drafts').classList.contains('stale')",
        "the drafts current again",
    );
}

#[test]
fn saving_writes_the_file() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.caret_at_end_of_line("#editor", 4);
    tab.type_keys("-Reyes");
    tab.click("#save");
    tab.wait_for(
        "document.querySelector('#status').textContent.includes('Saved')",
        "Saved",
    );
    let text = fs::read_to_string(server.path("single.yaml")).unwrap();
    assert!(text.contains("  name: Maya Okafor-Reyes\n"), "{text}");
    // Nothing else changed: the comments at the top are still there.
    assert!(text.starts_with("# One interview with the owner"), "{text}");
}

#[test]
fn marking_a_draft_as_sent_adds_the_log_entry() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.click("#drafts article.draft[data-kind=\"email\"] button.mark-sent");
    tab.wait_for(
        "document.querySelector('#editor').value.includes('sent: email')",
        "the log entry in the editor",
    );
    let text = fs::read_to_string(server.path("single.yaml")).unwrap();
    assert!(
        text.contains("sent: email\n    to: Tom Brennan\n"),
        "the entry on disk: {text}"
    );
}

#[test]
fn a_change_on_disk_brings_the_conflict_notice() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.caret_at_end_of_line("#editor", 4);
    tab.type_keys("-Reyes");
    // Another editor changes the file meanwhile.
    let path = server.path("single.yaml");
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Riverside Bakehouse", "Riverside Bakery");
    fs::write(&path, &theirs).unwrap();
    tab.wait_for(
        "!document.querySelector('#conflict').hidden",
        "the conflict notice",
    );
    // Saving now does not overwrite theirs.
    tab.click("#save");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    tab.click("#conflict-reload");
    tab.wait_for(
        "document.querySelector('#editor').value.includes('Riverside Bakery')",
        "their text in the editor",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn the_applications_page_lists_every_record_newest_first() {
    let server = Server::with_examples(&["single", "panel", "london", "phone-screen"]);
    let chromium = Chromium::launch();
    let tab = chromium.open(&server.url("/"));
    tab.wait_for(
        "document.querySelectorAll('#records li.record').length === 4",
        "four records",
    );
    let files: Vec<String> =
        tab.eval("[...document.querySelectorAll('#records li.record')].map(li => li.dataset.file)");
    let mut dated: Vec<(String, String)> = files
        .iter()
        .map(|file| {
            let text = fs::read_to_string(server.path(file)).unwrap();
            let date = text
                .lines()
                .find_map(|line| line.strip_prefix("interview_date: "))
                .unwrap()
                .to_owned();
            (date, file.clone())
        })
        .collect();
    let shown = dated.clone();
    dated.sort_by(|a, b| b.cmp(a));
    assert_eq!(shown, dated, "newest first");
    screenshot_for_the_readme(&tab, "applications", true);
}

#[test]
fn new_interview_writes_a_record_and_opens_it() {
    let server = Server::with_examples(&[]);
    let chromium = Chromium::launch();
    let tab = chromium.open(&server.url("/"));
    tab.click("#new-interview");
    tab.wait_for("!document.querySelector('#new-form').hidden", "the form");
    // Without a config that names them, the form asks who signs, and says
    // how to give it once for every record.
    let hint = tab.text("#candidate .apps-hint");
    assert!(
        hint.starts_with("Your name, email and phone sign your drafts.")
            && hint.contains("for every record, put them under candidate: in your config file"),
        "{hint}"
    );
    tab.run(
        "const form = document.querySelector('#new-form');
         const set = (name, value) => { form.querySelector(`[name=\"${name}\"]`).value = value; };
         set('company', 'Northwind Traders');
         set('role', 'Data Engineer');
         set('date', '2026-11-19');
         const person = form.querySelector('.person');
         person.querySelector('[name=\"name\"]').value = 'Priya Shah';
         person.querySelector('[name=\"topics\"]').value = 'the schema registry\\nthe on-call rota';
         form.querySelector('[name=\"candidate.name\"]').value = 'Jordan Lee';",
    );
    tab.run("document.querySelector('#new-form').requestSubmit()");
    tab.wait_for(
        "location.pathname === '/record/northwind-traders-2026-11-19.yaml'",
        "the new record's page",
    );
    tab.wait_for(
        "document.querySelectorAll('#drafts article.draft').length > 0",
        "its drafts",
    );
    let text = fs::read_to_string(server.path("northwind-traders-2026-11-19.yaml")).unwrap();
    assert!(text.contains("Priya Shah"), "{text}");
}

#[test]
fn the_record_page_groups_the_drafts_by_person_with_their_send_dates() {
    let server = Server::with_examples(&["panel"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "panel.yaml");
    let people: Vec<String> = tab.eval(
        "[...document.querySelectorAll('#drafts article.draft')].map(draft => draft.dataset.to)",
    );
    // Each person's drafts come together, not scattered.
    let mut seen: Vec<&String> = Vec::new();
    for person in &people {
        if seen.last() != Some(&person) {
            assert!(!seen.contains(&person), "{person} twice apart: {people:?}");
            seen.push(person);
        }
    }
    assert!(seen.len() >= 3, "{people:?}");
    let dates: Vec<String> = tab.eval(
        "[...document.querySelectorAll('#drafts article.draft .send-on')].map(date => date.textContent)",
    );
    assert_eq!(dates.len(), people.len());
    assert!(
        dates.iter().all(|date| !date.trim().is_empty()),
        "{dates:?}"
    );
    screenshot_for_the_readme(&tab, "record", false);
}

#[test]
fn the_address_serve_gives_the_browser_opens_the_page() {
    let scratch = TempDir::new().unwrap();
    let (browser, arguments) = recording_browser(scratch.path());
    let folder = TempDir::new().unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/single.yaml"),
        folder.path().join("single.yaml"),
    )
    .unwrap();
    let server = Server::watched(
        folder,
        &["--today", "2026-11-25"],
        &[("BROWSER", browser.to_str().unwrap())],
    );
    let address = wait_for_file(&arguments);
    assert!(!address.contains(&server.token), "{address}");
    let chromium = Chromium::launch();
    let tab = chromium.open(address.trim());
    tab.wait_for(
        "document.querySelectorAll('#records li.record').length === 1",
        "the applications page, its record listed",
    );
    let address: String = tab.eval("location.href");
    assert_eq!(address, format!("{}/", server.origin));
}

#[test]
fn a_link_with_a_crafted_token_does_not_replace_the_one_that_works() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    record_page(&chromium, &server, "single.yaml");
    // Any page may link here with a fragment of its choosing: not a
    // token, or one that the server does not take.
    for crafted in ["deadbeef".to_owned(), "0".repeat(32)] {
        let link = format!("{}/record/single.yaml#token={crafted}", server.origin);
        let tab = chromium.open(&link);
        tab.wait_for(
            "document.querySelectorAll('#drafts article.draft').length > 0",
            "the drafts, with the token kept",
        );
        let kept: String = tab.eval("localStorage.getItem('thankyou-token')");
        assert_eq!(kept, server.token, "after #token={crafted}");
        let address: String = tab.eval("location.href");
        assert!(!address.contains('#'), "{address}");
        assert!(tab.eval::<bool>("document.querySelector('#token-missing') === null"));
    }
}

#[test]
fn without_its_token_the_page_says_how_to_open_it() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    // A token of an earlier run (the same port, given again), then none.
    for forget in [
        "localStorage.setItem('thankyou-token', '0'.repeat(32))",
        "localStorage.removeItem('thankyou-token')",
    ] {
        // Reloaded once this call has returned; the mark tells the old page
        // from the new.
        tab.run(&format!(
            "{forget}; window.reloading = true; setTimeout(() => location.reload(), 0)"
        ));
        tab.wait_for(
            "!window.reloading && document.querySelector('#token-missing')",
            "the line saying how to open the page",
        );
        let line = tab.text("#token-missing");
        assert_eq!(
            line,
            "Open the address that thankyou serve printed, with its token."
        );
        // The record page says why it cannot open the record in one
        // sentence.
        tab.wait_for(
            "!document.querySelector('#message').hidden",
            "the record page's message",
        );
        let message = tab.text("#message");
        assert!(
            message.starts_with("This record cannot be opened here: open the address"),
            "{message}"
        );
        assert!(
            !message.contains("..") && !message.contains('`'),
            "{message}"
        );
        assert_eq!(
            tab.eval::<usize>("document.querySelectorAll('#drafts article.draft').length"),
            0
        );
    }
}

#[test]
fn download_eml_saves_the_message_to_the_person() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let downloads = TempDir::new().unwrap();
    chromium.save_downloads_in(downloads.path());
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.click("#drafts article.draft[data-id=\"email-tom-brennan\"] button.eml");
    let path = downloaded(downloads.path(), "email-tom-brennan.eml");
    let message = fs::read_to_string(path).unwrap();
    let (head, body) = message.split_once("\r\n\r\n").unwrap();
    assert!(
        head.lines()
            .any(|line| line == "To: \"Tom Brennan\" <tom@riversidebakehouse.example>"),
        "{head}"
    );
    assert!(
        head.lines().any(|line| line.starts_with("Subject: ")),
        "{head}"
    );
    assert!(!body.trim().is_empty(), "{message}");
    assert!(tab.eval::<bool>("document.querySelector('#editor') !== null"));
}

#[test]
fn download_calendar_saves_the_plan() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let downloads = TempDir::new().unwrap();
    chromium.save_downloads_in(downloads.path());
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.click("#download-ics");
    let path = downloaded(downloads.path(), "single.ics");
    let calendar = fs::read_to_string(path).unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR"), "{calendar}");
    assert!(calendar.contains("BEGIN:VEVENT"), "{calendar}");
}

#[test]
fn a_download_refused_is_said_on_the_page_and_the_editor_stays() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    break_the_interview_date(&tab);
    for button in [
        "#drafts article.draft[data-id=\"email-tom-brennan\"] button.eml",
        "#download-ics",
    ] {
        tab.run("document.querySelector('#message').hidden = true");
        tab.click(button);
        tab.wait_for(
            "!document.querySelector('#message').hidden",
            "the refusal in #message",
        );
        let message = tab.text("#message");
        assert!(
            message.contains("mistakes to mend first"),
            "{button}: {message}"
        );
        // The page, and the text being edited, are still there.
        let text: String = tab.eval("document.querySelector('#editor').value");
        assert!(text.contains("interview_date: 2026-11-21x"), "{text}");
    }
}

#[test]
fn the_print_sheet_opens_in_a_new_tab_with_the_cards() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.click("#open-print");
    let sheet = chromium.tab_at("/download/print");
    sheet.wait_for(
        "document.querySelectorAll('section.card').length > 0",
        "the cards on the print sheet",
    );
    let text = sheet.text("body");
    assert!(text.contains("Tom"), "{text}");
    // The record's page stays where it was.
    let address: String = tab.eval("location.pathname");
    assert_eq!(address, "/record/single.yaml");
}

#[test]
fn each_draft_says_it_is_late_and_once_marked_sent_it_can_be_undone() {
    let server = Server::with_examples(&["single"]);
    let original = fs::read_to_string(server.path("single.yaml")).unwrap();
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    let email = "#drafts article.draft[data-kind=\"email\"]";
    // The harness's today is Wednesday, November 25; the email was due on
    // the Saturday the interview took place.
    assert_eq!(
        tab.text(&format!("{email} .send-on")),
        "Overdue: was due Saturday, November 21"
    );
    // The day once, in words; the machine's date in <time datetime>.
    assert_eq!(
        tab.eval::<String>(&format!(
            "document.querySelector('{email} .send-on time').dateTime"
        )),
        "2026-11-21"
    );
    let later: String = tab.text("#drafts article.draft[data-due=\"later\"] .send-on");
    assert!(later.starts_with("Send on Monday, November 30"), "{later}");

    tab.click(&format!("{email} button.mark-sent"));
    tab.wait_for(
        &format!("document.querySelector('{email}').dataset.due === 'sent'"),
        "the email shown sent",
    );
    assert_eq!(
        tab.text(&format!("{email} .send-on")),
        "Sent on Wednesday, November 25"
    );
    // "Sent" once: no button saying it again.
    assert!(tab.eval::<bool>(&format!(
        "document.querySelector('{email} button.mark-sent') === null"
    )));
    assert!(
        tab.text("#message")
            .starts_with("Logged email sent to Tom Brennan"),
        "{}",
        tab.text("#message")
    );
    tab.click("#message button.message-action");
    tab.wait_for(
        &format!("document.querySelector('{email}').dataset.due === 'overdue'"),
        "the email overdue again",
    );
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        original
    );
    assert!(!tab.eval::<bool>("document.querySelector('#editor').value.includes('sent: email')"));

    // Marked again, then the file is changed elsewhere: the undo leaves
    // the file alone and says why in plain words.
    tab.click(&format!("{email} button.mark-sent"));
    tab.wait_for(
        &format!("document.querySelector('{email}').dataset.due === 'sent'"),
        "the email shown sent again",
    );
    let changed = format!(
        "{}# my own note\n",
        fs::read_to_string(server.path("single.yaml")).unwrap()
    );
    fs::write(server.path("single.yaml"), &changed).unwrap();
    tab.click("#message button.message-action");
    tab.wait_for(
        "document.querySelector('#message').textContent.startsWith('Not undone')",
        "the undo refused",
    );
    assert_eq!(
        tab.text("#message"),
        "Not undone: the record has changed since it was marked as sent, so the entry was \
         left in; take it out of the log in the editor if you still want to."
    );
    assert_eq!(
        fs::read_to_string(server.path("single.yaml")).unwrap(),
        changed
    );
}

#[test]
fn mark_as_sent_waits_while_the_drafts_are_out_of_date() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    break_the_interview_date(&tab);
    let marks: Vec<(bool, String)> = tab.eval(
        "[...document.querySelectorAll('#drafts button.mark-sent')].map(b => [b.disabled, b.title])",
    );
    assert!(!marks.is_empty());
    for (disabled, title) in &marks {
        assert!(*disabled && title.contains("mistakes"), "{marks:?}");
    }
}

#[test]
fn a_person_without_an_email_gets_a_note_instead_of_a_download() {
    let server = Server::with_examples(&[]);
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/single.yaml"))
            .unwrap()
            .replace("    email: tom@riversidebakehouse.example\n", "");
    fs::write(server.path("single.yaml"), text).unwrap();
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    let email = "#drafts article.draft[data-kind=\"email\"]";
    assert!(tab.eval::<bool>(&format!(
        "!document.querySelector('{email} button.eml') && !document.querySelector('{email} a.mailto')"
    )));
    assert_eq!(
        tab.text(&format!("{email} .no-email")),
        "No email address for Tom Brennan in the record"
    );
}

#[test]
fn the_form_shows_every_problem_beside_its_field_and_focuses_the_first() {
    let server = Server::with_examples(&[]);
    let chromium = Chromium::launch();
    let tab = chromium.open(&server.url("/"));
    tab.click("#new-interview");
    tab.wait_for("!document.querySelector('#new-form').hidden", "the form");
    tab.run(
        "const form = document.querySelector('#new-form');
         form.querySelector('[name=\"candidate.name\"]').value = 'Jordan Lee';
         form.querySelector('[name=\"role\"]').value = 'Data Engineer';
         const person = form.querySelector('.person');
         person.querySelector('[name=\"name\"]').value = 'Priya Shah';
         person.querySelector('[name=\"email\"]').value = 'priya at northwind';
         form.requestSubmit()",
    );
    tab.wait_for(
        "document.querySelectorAll('#new-form .field-error').length === 2",
        "two problems beside their fields",
    );
    let shown: Vec<(String, String, String)> = tab.eval(
        "[...document.querySelectorAll('#new-form .field-error')].map(note => {
            const field = note.previousElementSibling;
            return [field.name, field.getAttribute('aria-invalid'), note.textContent];
         })",
    );
    assert_eq!(shown[0].0, "company");
    assert_eq!(shown[0].1, "true");
    assert_eq!(
        shown[0].2,
        "Company: write the company that interviewed you."
    );
    assert_eq!(shown[1].0, "email");
    assert!(
        shown[1]
            .2
            .starts_with("Person 1, work email: priya at northwind is not"),
        "{shown:?}"
    );
    assert_eq!(
        tab.eval::<String>("document.activeElement.name"),
        "company",
        "the focus on the first"
    );
    // Mended, the record is written.
    tab.run(
        "const form = document.querySelector('#new-form');
         form.querySelector('[name=\"company\"]').value = 'Northwind';
         form.querySelector('.person [name=\"email\"]').value = 'priya@northwind.example';
         form.requestSubmit()",
    );
    tab.wait_for(
        "location.pathname.startsWith('/record/northwind-')",
        "the new record's page",
    );
}

#[test]
fn a_record_with_a_mistake_shows_its_name_and_one_that_cannot_be_read_cannot_be_edited() {
    let server = Server::with_examples(&[]);
    fs::write(server.path("broken.yaml"), "company: Broken\nrole: [\n").unwrap();
    fs::write(server.path("latin1.yaml"), b"company: Caf\xe9\n").unwrap();
    let chromium = Chromium::launch();
    let tab = chromium.open(&server.url("/record/broken.yaml"));
    tab.wait_for(
        "document.querySelector('#problems li.problem.error')",
        "its mistakes",
    );
    assert_eq!(tab.text("#company"), "broken.yaml");
    assert_eq!(
        tab.eval::<String>("document.title"),
        "broken.yaml · thankyou"
    );

    let tab = chromium.open(&server.url("/record/latin1.yaml"));
    tab.wait_for("!document.querySelector('#message').hidden", "why not");
    assert!(tab.eval::<bool>(
        "document.querySelector('#editor').disabled && document.querySelector('#save').disabled"
    ));
    let message = tab.text("#message");
    assert!(
        message.starts_with("This record cannot be opened here: latin1.yaml is not UTF-8 text"),
        "{message}"
    );
    assert_eq!(tab.text("#company"), "latin1.yaml");

    // The list offers to correct on the page only what the page can open;
    // a file it cannot open, by its bytes or its name, says so and how.
    fs::write(server.path("-rf.yaml"), "company: Dashed\n").unwrap();
    let tab = chromium.open(&server.url("/"));
    tab.wait_for(
        "document.querySelectorAll('#records li.record').length === 3",
        "all three files",
    );
    let cards: Vec<(String, String, bool, String)> = tab.eval(
        "[...document.querySelectorAll('#records li.record')].map(card => [
            card.dataset.file, card.querySelector('.state').textContent,
            card.querySelector('a') !== null,
            (card.querySelector('.record-error').textContent + ' | '
              + (card.querySelector('.record-fix, .record-open') || {}).textContent)])",
    );
    let card = |file: &str| {
        cards
            .iter()
            .find(|card| card.0 == file)
            .unwrap_or_else(|| panic!("{file} in {cards:?}"))
    };
    let broken = card("broken.yaml");
    assert_eq!((broken.1.as_str(), broken.2), ("Has mistakes", true));
    assert!(broken.3.ends_with(" | Open and correct it"), "{broken:?}");
    for file in ["latin1.yaml", "-rf.yaml"] {
        let (_, state, linked, words) = card(file);
        assert_eq!((state.as_str(), *linked), ("Cannot be opened here", false));
        assert!(
            words.ends_with(
                " | This page cannot open it: fix the file in a text editor, then reload this page."
            ),
            "{file}: {words}"
        );
    }
    assert!(card("latin1.yaml").3.contains("not UTF-8"), "{cards:?}");
    assert!(
        card("-rf.yaml").3.contains("does not begin with a dash"),
        "{cards:?}"
    );
}

#[test]
fn on_a_phone_the_record_page_shows_its_title_first_then_its_buttons() {
    let server = Server::with_examples(&["single"]);
    let chromium = Chromium::launch();
    let tab = record_page(&chromium, &server, "single.yaml");
    tab.set_viewport(390, 844);
    tab.wait_for(
        "document.querySelector('#role').textContent !== ''",
        "the role",
    );
    let (title, save): (f64, f64) = tab.eval(
        "[document.querySelector('.top h1').getBoundingClientRect().bottom,
          document.querySelector('#save').getBoundingClientRect().top]",
    );
    assert!(
        title <= save,
        "the title ends at {title}, the buttons start at {save}"
    );
    // The role on a line of its own, without a dot before it.
    let (dot, role_left, title_left): (String, f64, f64) = tab.eval(
        "[getComputedStyle(document.querySelector('#role'), '::before').content,
          document.querySelector('#role').getBoundingClientRect().left,
          document.querySelector('#company').getBoundingClientRect().left]",
    );
    assert_eq!(dot, "none");
    assert!(
        (role_left - title_left).abs() < 1.0,
        "{role_left} {title_left}"
    );
}

#[test]
fn long_names_and_lines_stay_inside_the_page_at_any_width() {
    let server = Server::with_examples(&["single"]);
    let long = "W".repeat(240);
    let text = fs::read_to_string(server.path("single.yaml"))
        .unwrap()
        .replace("Riverside Bakehouse", &long)
        .replace(
            "# One interview with the owner",
            &format!(
                "# {} One interview with the owner",
                "a long comment ".repeat(12)
            ),
        );
    fs::write(server.path("long.yaml"), text).unwrap();
    let chromium = Chromium::launch();
    for width in [1400, 390] {
        let tab = chromium.open(&server.url("/"));
        tab.set_viewport(width, 900);
        tab.wait_for(
            "document.querySelectorAll('#records li.record').length === 2",
            "both records",
        );
        let widest: f64 = tab.eval(
            "Math.max(...[...document.querySelectorAll('#records li.record, #records .state')]
                .map(node => node.getBoundingClientRect().right))",
        );
        assert!(
            widest <= f64::from(width),
            "{width} px: a card reaches {widest}"
        );

        let tab = record_page(&chromium, &server, "long.yaml");
        tab.set_viewport(width, 900);
        tab.wait_for(
            "document.querySelector('#gutter div').offsetHeight > 21",
            "the long first line wrapped",
        );
        // The numbers stay beside their lines: as tall, in all, as the text,
        // once the page has measured them at this width.
        tab.wait_for(
            "Math.abs(document.querySelector('#gutter').scrollHeight - document.querySelector('#editor').scrollHeight) <= 2",
            &format!("{width} px: the gutter as tall as the text"),
        );
        let widest: f64 = tab.eval(
            "Math.max(...[...document.querySelectorAll('.top h1, article.draft')]
                .map(node => node.getBoundingClientRect().right))",
        );
        assert!(widest <= f64::from(width), "{width} px: {widest}");
    }
}
