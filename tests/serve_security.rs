//! `thankyou serve` answers only its own page, on this machine: the token,
//! the Host, the Origin of a change, the size of a body and the folder's
//! bounds are checked over real HTTP, and it stops cleanly when asked.

use std::io::{Read as _, Write as _};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::process::Command;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use crate::server::{Raw, Server, recording_browser, wait_for_file};

/// The policy every answer carries, as docs/serve.md gives it.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; form-action 'self'; \
    base-uri 'none'; frame-ancestors 'none'";

/// The Accept header of a browser visiting a page (Chromium's).
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,\
    image/avif,image/webp,image/apng,*/*;q=0.8";

/// What a file outside the folder served holds, to look for in answers.
const SECRET: &str = "outside-the-folder-4271";

/// A GET of `target` with the Host a browser sends and the headers given.
fn get(server: &Server, target: &str, headers: &[(&str, &str)]) -> Raw {
    let host = server.host();
    let mut all = vec![("Host", host.as_str())];
    all.extend_from_slice(headers);
    server.raw("GET", target, &all, b"")
}

/// A POST of `body` to `target` from the page: the Host, the cookie, the
/// token header and the Origin the page's script sends, and a length
/// unless `chunked`.
fn post_from_page(server: &Server, target: &str, body: &[u8], chunked: bool) -> Raw {
    let (host, cookie, origin) = (server.host(), server.cookie(), server.origin.clone());
    let length = body.len().to_string();
    let mut headers = vec![
        ("Host", host.as_str()),
        ("Cookie", cookie.as_str()),
        ("X-Thankyou-Token", server.token.as_str()),
        ("Origin", origin.as_str()),
    ];
    if chunked {
        headers.push(("Transfer-Encoding", "chunked"));
        let mut chunks = Vec::new();
        for chunk in body.chunks(64 * 1024) {
            chunks.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            chunks.extend_from_slice(chunk);
            chunks.extend_from_slice(b"\r\n");
        }
        chunks.extend_from_slice(b"0\r\n\r\n");
        server.raw("POST", target, &headers, &chunks)
    } else {
        headers.push(("Content-Length", length.as_str()));
        server.raw("POST", target, &headers, body)
    }
}

#[test]
fn a_request_without_the_token_is_refused_in_plain_words() {
    let server = Server::with_examples(&["single"]);
    for target in [
        "/",
        "/record/single.yaml",
        "/static/style.css",
        "/api/health",
    ] {
        let answer = get(&server, target, &[]);
        assert_eq!(answer.status, 403, "{target}: {answer:?}");
        assert!(answer.body.contains("with its token"), "{answer:?}");
    }
}

#[test]
fn a_wrong_token_in_the_query_or_the_cookie_is_refused() {
    let server = Server::with_examples(&["single"]);
    let wrong = "0".repeat(32);
    let cookie = format!("thankyou-{}={wrong}", server.port());
    let other_port = format!("thankyou-{}={}", server.port() + 1, server.token);
    let short = &server.token[..31];
    for (target, headers) in [
        (format!("/?token={wrong}"), vec![]),
        (format!("/?token={short}"), vec![]),
        (format!("/?token={}0", server.token), vec![]),
        ("/".to_owned(), vec![("Cookie", cookie.as_str())]),
        ("/".to_owned(), vec![("Cookie", other_port.as_str())]),
    ] {
        let answer = get(&server, &target, &headers);
        assert_eq!(answer.status, 403, "{target} {headers:?}: {answer:?}");
    }
}

#[test]
fn the_token_in_the_address_sets_the_cookie_and_leaves_the_address() {
    let server = Server::with_examples(&["single"]);
    let target = format!("/record/single.yaml?a=1&token={}&b=2", server.token);
    let answer = get(&server, &target, &[("Accept", BROWSER_ACCEPT)]);
    assert_eq!(answer.status, 303, "{answer:?}");
    // The token moves to the fragment, which no browser sends to a server,
    // for the page's script to keep.
    let location = answer.header("location").unwrap();
    assert_eq!(
        location,
        format!(
            "{}/record/single.yaml?a=1&b=2#token={}",
            server.origin, server.token
        )
    );
    let cookie = answer.header("set-cookie").unwrap();
    assert_eq!(
        cookie,
        format!("{}; HttpOnly; SameSite=Lax; Path=/", server.cookie())
    );
    // Any other server on 127.0.0.1 the user visits receives the cookie:
    // it holds a key of its own, never the token.
    assert!(!cookie.contains(&server.token), "{cookie}");

    let with_cookie = get(&server, "/record/single.yaml", &[("Cookie", cookie)]);
    assert_eq!(with_cookie.status, 200, "{with_cookie:?}");
    assert!(with_cookie.body.contains("<!doctype html>"));

    // The API, and a tool that does not ask for a page, are answered at
    // once, with the cookie set too.
    let api = format!("/api/health?token={}", server.token);
    let page = format!("/?token={}", server.token);
    for (target, accept) in [(&api, BROWSER_ACCEPT), (&page, "*/*")] {
        let answer = get(&server, target, &[("Accept", accept)]);
        assert_eq!(answer.status, 200, "{target}: {answer:?}");
        assert!(answer.header("set-cookie").is_some(), "{answer:?}");
    }
}

#[test]
fn a_host_other_than_this_server_is_refused_even_with_the_token() {
    let server = Server::with_examples(&["single"]);
    let target = format!("/api/health?token={}", server.token);
    let port = server.port();
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1:{}", port + 1),
        "127.0.0.1".to_owned(),
        format!("localhost.evil.example:{port}"),
    ] {
        let answer = server.raw("GET", &target, &[("Host", &host)], b"");
        assert_eq!(answer.status, 403, "{host}: {answer:?}");
    }
    let no_host = server.raw("GET", &target, &[], b"");
    assert_eq!(no_host.status, 403, "{no_host:?}");
    let localhost = format!("localhost:{port}");
    let answer = server.raw("GET", &target, &[("Host", &localhost)], b"");
    assert_eq!(answer.status, 200, "{answer:?}");
}

#[test]
fn a_change_from_another_origin_or_none_is_refused() {
    let server = Server::with_examples(&["single"]);
    let (host, cookie) = (server.host(), server.cookie());
    let port = server.port();
    let evil = format!("http://evil.example:{port}");
    let other_port = format!("http://127.0.0.1:{}", port + 1);
    let https = format!("https://127.0.0.1:{port}");
    for origin in [
        Some(evil.as_str()),
        Some(&other_port),
        Some(&https),
        Some("null"),
        None,
    ] {
        let mut headers = vec![
            ("Host", host.as_str()),
            ("Cookie", cookie.as_str()),
            ("X-Thankyou-Token", server.token.as_str()),
            ("Content-Length", "2"),
        ];
        headers.extend(origin.map(|origin| ("Origin", origin)));
        let answer = server.raw("POST", "/api/no-such-route", &headers, b"{}");
        assert_eq!(answer.status, 403, "{origin:?}: {answer:?}");
        assert!(answer.body.contains("own page"), "{answer:?}");
    }
    // From the page itself, the guard lets it through to the routes.
    let answer = post_from_page(&server, "/api/no-such-route", b"{}", false);
    assert_eq!(answer.status, 404, "{answer:?}");
}

#[test]
fn nothing_outside_the_folder_is_served_as_a_record() {
    let outside = TempDir::new().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, format!("company: {SECRET}\n")).unwrap();
    let folder = TempDir::new().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::copy(
        examples.join("single.yaml"),
        folder.path().join("single.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, folder.path().join("out.yaml")).unwrap();
    std::fs::write(folder.path().join(".hidden.yaml"), SECRET).unwrap();
    std::fs::write(folder.path().join("notes.txt"), SECRET).unwrap();
    std::fs::create_dir(folder.path().join("sub.yaml")).unwrap();
    let server = Server::in_folder(folder, &["--today", "2026-11-25"]);
    let cookie = server.cookie();
    let relative = format!(
        "..%2F{}%2Fsecret.yaml",
        outside.path().file_name().unwrap().to_string_lossy()
    );

    for file in [
        "..%2Fsecret.yaml",
        relative.as_str(),
        "../secret.yaml",
        "..%5Csecret.yaml",
        "out.yaml",
        ".hidden.yaml",
        "notes.txt",
        "sub.yaml",
        "missing.yaml",
        "%2Fetc%2Fpasswd",
    ] {
        let answer = get(&server, &format!("/record/{file}"), &[("Cookie", &cookie)]);
        assert_eq!(answer.status, 404, "{file}: {answer:?}");
        assert!(!answer.body.contains(SECRET), "{file}: {answer:?}");
    }
    let record = get(&server, "/record/single.yaml", &[("Cookie", &cookie)]);
    assert_eq!(record.status, 200, "{record:?}");
}

#[test]
fn a_body_above_two_mebibytes_is_refused_with_or_without_its_length() {
    let server = Server::with_examples(&["single"]);
    let large = vec![b'x'; 3 * 1024 * 1024];
    for chunked in [false, true] {
        let answer = post_from_page(&server, "/api/no-such-route", &large, chunked);
        assert_eq!(answer.status, 413, "chunked {chunked}: {answer:?}");
        assert!(answer.body.contains("2 MiB"), "{answer:?}");
    }
    // A body just under the limit reaches the routes.
    let under = vec![b'x'; 2 * 1024 * 1024 - 16];
    for chunked in [false, true] {
        let answer = post_from_page(&server, "/api/no-such-route", &under, chunked);
        assert_eq!(answer.status, 404, "chunked {chunked}: {answer:?}");
    }
}

#[test]
fn every_answer_carries_the_security_headers() {
    let server = Server::with_examples(&["single"]);
    let cookie = server.cookie();
    let with_cookie = [("Cookie", cookie.as_str())];
    let answers = [
        get(&server, "/", &with_cookie),
        get(&server, "/static/style.css", &with_cookie),
        get(
            &server,
            "/api/health",
            &[("X-Thankyou-Token", server.token.as_str())],
        ),
        get(&server, "/record/missing.yaml", &with_cookie),
        get(&server, "/no-such-page", &with_cookie),
        get(
            &server,
            &format!("/?token={}", server.token),
            &[("Accept", BROWSER_ACCEPT)],
        ),
        get(&server, "/", &[]),
        server.raw("GET", "/", &[("Host", "evil.example")], b""),
        post_from_page(
            &server,
            "/api/no-such-route",
            &vec![b'x'; 3 * 1024 * 1024],
            false,
        ),
    ];
    for answer in answers {
        let status = answer.status;
        assert_eq!(
            answer.header("content-security-policy"),
            Some(POLICY),
            "{status}"
        );
        for (name, value) in [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "same-origin"),
            ("cache-control", "no-store"),
            ("x-frame-options", "DENY"),
        ] {
            assert_eq!(answer.header(name), Some(value), "{status}: {name}");
        }
    }
}

/// The machine's addresses other than 127.0.0.1 that it answers on
/// itself: the rest of 127/8 (Linux), `::1`, and the addresses of its
/// network interfaces, as far as Linux tells them.
fn other_addresses() -> Vec<IpAddr> {
    let mut addresses = vec![
        IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)),
        IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
    ];
    // Lines of /proc/net/fib_trie: an address, then "/32 host LOCAL".
    let trie = std::fs::read_to_string("/proc/net/fib_trie").unwrap_or_default();
    let lines: Vec<&str> = trie.lines().collect();
    for pair in lines.windows(2) {
        if pair[1].contains("/32 host LOCAL")
            && let Some(address) = pair[0].trim().strip_prefix("|-- ")
            && let Ok(address) = address.parse::<Ipv4Addr>()
            && !address.is_loopback()
        {
            addresses.push(IpAddr::V4(address));
        }
    }
    addresses
}

#[test]
fn it_listens_on_127_0_0_1_only() {
    let server = Server::with_examples(&["single"]);
    let port = server.port();
    assert!(TcpStream::connect(server.host()).is_ok());
    for address in other_addresses() {
        let connected =
            TcpStream::connect_timeout(&SocketAddr::new(address, port), Duration::from_secs(2));
        assert!(connected.is_err(), "it answers on {address}");
    }
}

#[test]
fn sigterm_and_ctrl_c_stop_it_cleanly() {
    for signal in ["TERM", "INT"] {
        let folder = TempDir::new().unwrap();
        let mut server = Server::watched(folder, &["--no-open"], &[]);
        server.stderr_until("Ctrl-C stops it");
        let (status, stderr) = server.stop(signal);
        assert_eq!(status.code(), Some(0), "{signal}: {stderr}");
        assert!(stderr.contains("stopped"), "{signal}: {stderr}");
    }
}

#[test]
fn a_request_under_way_when_asked_to_stop_is_answered() {
    let folder = TempDir::new().unwrap();
    let mut server = Server::watched(folder, &["--no-open"], &[]);
    server.stderr_until("Ctrl-C stops it");
    let mut stream = server.connect();
    let head = format!(
        "POST /api/no-such-route HTTP/1.1\r\nHost: {}\r\nX-Thankyou-Token: {}\r\n\
         Origin: {}\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n",
        server.host(),
        server.token,
        server.origin
    );
    stream.write_all(head.as_bytes()).unwrap();
    // The server asks for the body once the guard is reading it: the
    // request is under way.
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");

    server.signal("TERM");
    server.stderr_until("stopping");
    stream.write_all(b"{}{}").unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    assert_eq!(Raw::parse(&answer).status, 404, "{answer:?}");

    let (status, stderr) = server.ended();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
}

#[test]
fn a_port_in_use_is_one_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let folder = TempDir::new().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_thankyou"))
        .args(["serve", "--no-open", "--port", &port])
        .arg(folder.path())
        .env("XDG_CONFIG_HOME", folder.path().join("no-config"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: port {port} is in use; give another with --port, or leave it out for a free one\n"
        )
    );
}

#[test]
fn a_folder_that_is_not_there_or_not_a_folder_is_a_clear_error() {
    let folder = TempDir::new().unwrap();
    let file = folder.path().join("record.yaml");
    std::fs::write(&file, "").unwrap();
    for (dir, why) in [
        (folder.path().join("missing"), "there is no such folder"),
        (file, "it is not a folder"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_thankyou"))
            .args(["serve", "--no-open"])
            .arg(&dir)
            .env("XDG_CONFIG_HOME", folder.path().join("no-config"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("cannot serve {}", dir.display())),
            "{stderr}"
        );
        assert!(stderr.contains(why), "{stderr}");
    }
}

#[test]
fn a_browser_that_cannot_be_opened_leaves_the_server_running() {
    let folder = TempDir::new().unwrap();
    let mut server = Server::watched(folder, &[], &[("BROWSER", "/no/such/browser")]);
    server.stderr_until("could not open a browser");
    let answer = get(&server, "/", &[("Cookie", &server.cookie())]);
    assert_eq!(answer.status, 200, "{answer:?}");
}

/// What a request sends besides its address (which holds no token).
struct Ask<'a> {
    method: &'a str,
    path: &'a str,
    /// `application/json` when true, a form otherwise (for a POST).
    json: bool,
    body: String,
}

/// Every route that reaches a record, with a body that would be answered
/// 200 with the token; `token` is added as the form's field when given.
fn routes_to_records(token: Option<&str>) -> Vec<Ask<'static>> {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/single.yaml"))
            .unwrap();
    let form = |draft: Option<&str>| {
        let mut fields = vec![("text", text.as_str()), ("file", "single.yaml")];
        fields.extend(draft.map(|draft| ("draft", draft)));
        fields.extend(token.map(|token| ("token", token)));
        fields
            .iter()
            .map(|(name, value)| format!("{name}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let preview = serde_json::json!({"file": "single.yaml", "text": text}).to_string();
    vec![
        Ask {
            method: "GET",
            path: "/api/records",
            json: true,
            body: String::new(),
        },
        Ask {
            method: "GET",
            path: "/api/record/single.yaml",
            json: true,
            body: String::new(),
        },
        Ask {
            method: "GET",
            path: "/api/config",
            json: true,
            body: String::new(),
        },
        Ask {
            method: "POST",
            path: "/api/preview",
            json: true,
            body: preview,
        },
        Ask {
            method: "POST",
            path: "/download/eml",
            json: false,
            body: form(Some("email-tom-brennan")),
        },
        Ask {
            method: "POST",
            path: "/download/ics",
            json: false,
            body: form(None),
        },
        Ask {
            method: "POST",
            path: "/download/print",
            json: false,
            body: form(None),
        },
    ]
}

/// `value` percent-encoded for a form.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

/// Sends `ask` from this server's own page (its Host and Origin) with the
/// headers given.
fn send(server: &Server, ask: &Ask<'_>, headers: &[(&str, &str)]) -> Raw {
    let (host, length) = (server.host(), ask.body.len().to_string());
    let mut all = vec![("Host", host.as_str()), ("Origin", server.origin.as_str())];
    all.extend_from_slice(headers);
    if ask.method == "POST" {
        let kind = if ask.json {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        all.extend([("Content-Type", kind), ("Content-Length", length.as_str())]);
    }
    server.raw(ask.method, ask.path, &all, ask.body.as_bytes())
}

#[test]
fn the_cookie_alone_reaches_no_record() {
    // A browser sends a cookie for 127.0.0.1 to every port of it: another
    // server there that the user visits receives this one.
    let server = Server::with_examples(&["single"]);
    let cookie = server.cookie();
    for ask in routes_to_records(None) {
        let answer = send(&server, &ask, &[("Cookie", &cookie)]);
        assert_eq!(answer.status, 403, "{}: {answer:?}", ask.path);
        assert!(answer.body.contains("with its token"), "{answer:?}");
        assert!(!answer.body.contains("Riverside"), "{answer:?}");
    }
    // The pages and their files, which hold no record, open with it.
    for path in ["/", "/record/single.yaml", "/static/token.js"] {
        let answer = get(&server, path, &[("Cookie", &cookie)]);
        assert_eq!(answer.status, 200, "{path}: {answer:?}");
    }
}

#[test]
fn the_cookies_value_shown_as_the_token_is_refused() {
    // What another server on 127.0.0.1 receives in the cookie, sent back
    // as the token: it opens nothing.
    let server = Server::with_examples(&["single"]);
    let cookie = server.cookie();
    let key = cookie.split_once('=').unwrap().1;
    assert_ne!(key, server.token);
    for ask in routes_to_records(Some(key)) {
        for headers in [
            vec![("X-Thankyou-Token", key)],
            vec![("Cookie", cookie.as_str()), ("X-Thankyou-Token", key)],
            vec![("Cookie", cookie.as_str())],
        ] {
            let answer = send(&server, &ask, &headers);
            assert_eq!(answer.status, 403, "{} {headers:?}: {answer:?}", ask.path);
            assert!(!answer.body.contains("Riverside"), "{answer:?}");
        }
    }
    for target in [
        format!("/api/records?token={key}"),
        format!("/api/record/single.yaml?token={key}"),
        format!("/?token={key}"),
    ] {
        let answer = get(&server, &target, &[("Accept", BROWSER_ACCEPT)]);
        assert_eq!(answer.status, 403, "{target}: {answer:?}");
        assert!(answer.header("set-cookie").is_none(), "{answer:?}");
    }
}

#[test]
fn the_token_header_or_the_form_field_reaches_the_records() {
    let server = Server::with_examples(&["single"]);
    let cookie = server.cookie();
    // The page's calls: the cookie and the header; a tool's: the header.
    for headers in [
        vec![
            ("Cookie", cookie.as_str()),
            ("X-Thankyou-Token", server.token.as_str()),
        ],
        vec![("X-Thankyou-Token", server.token.as_str())],
    ] {
        for ask in routes_to_records(None) {
            let answer = send(&server, &ask, &headers);
            assert_eq!(answer.status, 200, "{} {headers:?}: {answer:?}", ask.path);
        }
    }
    // A form posted to a new tab (the print sheet) shows it as a field.
    for ask in routes_to_records(Some(&server.token)) {
        if !ask.json {
            let answer = send(&server, &ask, &[("Cookie", &cookie)]);
            assert_eq!(answer.status, 200, "{}: {answer:?}", ask.path);
        }
    }
}

#[test]
fn a_wrong_token_header_or_field_is_refused_even_with_the_cookie() {
    let server = Server::with_examples(&["single"]);
    let cookie = server.cookie();
    let wrong = "0".repeat(32);
    for ask in routes_to_records(None) {
        for headers in [
            vec![
                ("Cookie", cookie.as_str()),
                ("X-Thankyou-Token", wrong.as_str()),
            ],
            vec![
                ("X-Thankyou-Token", server.token.as_str()),
                ("X-Thankyou-Token", wrong.as_str()),
            ],
            vec![("X-Thankyou-Token", "")],
        ] {
            let answer = send(&server, &ask, &headers);
            assert_eq!(answer.status, 403, "{} {headers:?}: {answer:?}", ask.path);
        }
    }
    for ask in routes_to_records(Some(&wrong)) {
        if !ask.json {
            let answer = send(&server, &ask, &[("Cookie", &cookie)]);
            assert_eq!(answer.status, 403, "{}: {answer:?}", ask.path);
        }
    }
    // A page too: a header is only ever sent by a script that means it.
    let page = get(
        &server,
        "/",
        &[("Cookie", &cookie), ("X-Thankyou-Token", &wrong)],
    );
    assert_eq!(page.status, 403, "{page:?}");
}

/// A server of an empty folder that opens the browser `BROWSER` names
/// (the recording script in `scratch`), with the extra environment
/// given; answers it and the address the browser was given.
fn launched(scratch: &TempDir, env: &[(&str, &str)]) -> (Server, String) {
    let (browser, arguments) = recording_browser(scratch.path());
    let mut all = vec![("BROWSER", browser.to_str().unwrap())];
    all.extend_from_slice(env);
    let mut server = Server::watched(TempDir::new().unwrap(), &["--today", "2026-11-25"], &all);
    server.stderr_until("Ctrl-C stops it");
    let given = wait_for_file(&arguments);
    let lines: Vec<&str> = given.lines().collect();
    assert_eq!(lines.len(), 1, "{given}");
    let address = lines[0].to_owned();
    (server, address)
}

#[test]
fn the_browser_is_given_a_code_that_opens_the_page_once_and_not_the_token() {
    let scratch = TempDir::new().unwrap();
    let temporary = scratch.path().join("tmp");
    std::fs::create_dir(&temporary).unwrap();
    let (mut server, address) = launched(&scratch, &[("TMPDIR", temporary.to_str().unwrap())]);
    // What `ps` shows of the browser: an address on this server, with a
    // one-time code and no token.
    assert!(!address.contains(&server.token), "{address}");
    let target = address
        .strip_prefix(&format!("{}/", server.origin))
        .unwrap_or_else(|| panic!("{address}"));
    assert!(target.starts_with("?launch="), "{address}");
    let target = format!("/{target}");

    // Used, it leads the browser on as the printed address does: the
    // token in the fragment, the page key in the cookie.
    let opened = get(&server, &target, &[("Accept", BROWSER_ACCEPT)]);
    assert_eq!(opened.status, 303, "{opened:?}");
    assert_eq!(
        opened.header("location"),
        Some(format!("{}/#token={}", server.origin, server.token).as_str())
    );
    let cookie = opened.header("set-cookie").unwrap();
    assert_eq!(
        cookie,
        format!("{}; HttpOnly; SameSite=Lax; Path=/", server.cookie())
    );
    // Spent: once more it opens nothing, whoever saw it in `ps`.
    let again = get(&server, &target, &[("Accept", BROWSER_ACCEPT)]);
    assert_eq!(again.status, 403, "{again:?}");
    assert!(again.header("location").is_none(), "{again:?}");
    assert!(again.header("set-cookie").is_none(), "{again:?}");

    // Once the page has saved a record (which writes through a temporary
    // file of its own), a stop still finishes cleanly, and nothing is left
    // in the temporary folder.
    std::fs::write(server.path("mine.yaml"), "company: Northwind\n").unwrap();
    let token = [("X-Thankyou-Token", server.token.as_str())];
    let read = |method, body: String| Ask {
        method,
        path: "/api/record/mine.yaml",
        json: true,
        body,
    };
    let loaded = send(&server, &read("GET", String::new()), &token);
    let version =
        serde_json::from_str::<serde_json::Value>(&loaded.body).unwrap()["version"].clone();
    let body = serde_json::json!({"text": "company: Contoso\n", "version": version});
    let saved = send(&server, &read("POST", body.to_string()), &token);
    assert_eq!(saved.status, 200, "{saved:?}");
    let (status, stderr) = server.stop("TERM");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(std::fs::read_dir(&temporary).unwrap().count(), 0);
}

#[test]
fn the_browsers_code_opens_nothing_once_too_old() {
    let scratch = TempDir::new().unwrap();
    // Good for 1 ms after start: long gone once the browser is given it.
    let (server, address) = launched(&scratch, &[("THANKYOU_SERVE_LAUNCH_MS", "1")]);
    let target = address.strip_prefix(&server.origin).unwrap().to_owned();
    let answer = get(&server, &target, &[("Accept", BROWSER_ACCEPT)]);
    assert_eq!(answer.status, 403, "{answer:?}");
    assert!(answer.body.contains("only once"), "{answer:?}");
    assert!(answer.header("set-cookie").is_none(), "{answer:?}");
}

/// A server of an empty folder of its own, with the header timeout (in
/// milliseconds) and the cap on open connections set through the hidden
/// variables docs/serve.md gives, once it is listening.
fn limited(header_timeout_ms: &str, connections: &str) -> Server {
    let folder = TempDir::new().unwrap();
    let mut server = Server::watched(
        folder,
        &["--no-open", "--today", "2026-11-25"],
        &[
            ("THANKYOU_SERVE_HEADER_TIMEOUT_MS", header_timeout_ms),
            ("THANKYOU_SERVE_MAX_CONNECTIONS", connections),
        ],
    );
    server.stderr_until("Ctrl-C stops it");
    server
}

/// A connection that sends half a request (its line and Host, never the
/// blank line that ends the head) and then waits, as an attacker would.
fn stall(server: &Server) -> TcpStream {
    let mut stream = server.connect();
    let half = format!("GET / HTTP/1.1\r\nHost: {}\r\n", server.host());
    stream.write_all(half.as_bytes()).unwrap();
    stream
}

/// Whether the server has closed `stream`, without waiting.
fn is_closed(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).unwrap();
    let mut byte = [0u8; 1];
    let closed = match (&*stream).read(&mut byte) {
        Ok(read) => read == 0,
        Err(error) => error.kind() != std::io::ErrorKind::WouldBlock,
    };
    stream.set_nonblocking(false).unwrap();
    closed
}

#[test]
fn a_connection_that_sends_half_a_request_is_closed_after_the_header_timeout() {
    let server = limited("200", "256");
    let mut stalled = stall(&server);
    stalled
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let read = stalled.read_to_end(&mut answer);
    let waited = started.elapsed();
    assert!(read.is_ok(), "still open after {waited:?}: {read:?}");
    assert!(answer.is_empty(), "{:?}", String::from_utf8_lossy(&answer));
    // A slow client is given its time first.
    assert!(
        waited >= Duration::from_millis(100),
        "closed after {waited:?}"
    );
}

#[test]
fn a_connection_kept_alive_is_closed_once_idle_for_the_header_timeout() {
    let server = limited("200", "256");
    let mut stream = server.connect();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let head = format!(
        "GET /api/health HTTP/1.1\r\nHost: {}\r\nX-Thankyou-Token: {}\r\n\r\n",
        server.host(),
        server.token
    );
    stream.write_all(head.as_bytes()).unwrap();
    // Read to the end: the answer, then the server closing the idle
    // connection rather than keeping it for ever.
    let mut answer = Vec::new();
    let read = stream.read_to_end(&mut answer);
    assert!(read.is_ok(), "still open: {read:?}");
    assert_eq!(Raw::parse(&answer).status, 200, "{answer:?}");
}

#[test]
fn connections_stalled_past_the_cap_do_not_keep_the_page_waiting() {
    // A header timeout far longer than the test: only closing stalled
    // connections to make room can answer the page at once.
    let server = limited("60000", "8");
    let stalled: Vec<TcpStream> = (0..20).map(|_| stall(&server)).collect();
    let started = Instant::now();
    let answer = get(
        &server,
        "/api/health",
        &[("X-Thankyou-Token", &server.token)],
    );
    let waited = started.elapsed();
    assert_eq!(answer.status, 200, "{answer:?}");
    assert!(waited < Duration::from_secs(5), "answered after {waited:?}");
    // At most 8 open at once: the oldest stalled ones made room.
    let closed = stalled.iter().filter(|stream| is_closed(stream)).count();
    assert!(closed >= 12, "{closed} of 20 stalled connections closed");
}

#[test]
fn ctrl_c_stops_at_once_even_while_connections_stall() {
    let folder = TempDir::new().unwrap();
    let mut server = Server::watched(folder, &["--no-open"], &[]);
    server.stderr_until("Ctrl-C stops it");
    let stalled: Vec<TcpStream> = (0..3).map(|_| stall(&server)).collect();
    // Answered after them, so they are open on the server's side too.
    let answer = get(
        &server,
        "/api/health",
        &[("X-Thankyou-Token", &server.token)],
    );
    assert_eq!(answer.status, 200, "{answer:?}");
    let started = Instant::now();
    let (status, stderr) = server.stop("INT");
    let waited = started.elapsed();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
    // Well within the 5 seconds left to requests under way: half a
    // request is not one.
    assert!(waited < Duration::from_secs(3), "stopped after {waited:?}");
    drop(stalled);
}

#[test]
fn slow_refused_posts_do_not_keep_the_page_waiting() {
    // A header timeout far longer than the test, and room for 16
    // connections: refused requests held open would fill it.
    let server = limited("60000", "16");
    let head = format!(
        "POST /api/preview HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000000\r\n\
         Expect: 100-continue\r\n\r\n",
        server.host(),
        server.origin
    );
    let post = || {
        let mut stream = server.connect();
        stream.write_all(head.as_bytes()).unwrap();
        stream
    };
    // The first 16 take every place; each is refused (no token) once the
    // server has its head, which it says by answering (`100 Continue` or
    // the refusal).
    let mut slow: Vec<TcpStream> = (0..16).map(|_| post()).collect();
    for stream in &mut slow {
        let mut byte = [0u8; 1];
        assert_eq!(stream.read(&mut byte).unwrap(), 1, "no answer to the head");
    }
    slow.extend((0..34).map(|_| post()));
    // Each sends one byte of its body every 200 ms for as long as the
    // test runs: the pace of an attacker, not a wait for the server.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sending = {
        let done = std::sync::Arc::clone(&done);
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                for stream in &mut slow {
                    let _ = stream.write_all(b"x");
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    let started = Instant::now();
    let answer = get(
        &server,
        "/api/health",
        &[("X-Thankyou-Token", &server.token)],
    );
    let waited = started.elapsed();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    sending.join().unwrap();
    assert_eq!(answer.status, 200, "{answer:?}");
    assert!(waited < Duration::from_secs(1), "answered after {waited:?}");
}
