//! `thankyou serve` starts, prints its address and answers with its token.

use crate::server::Server;

#[test]
fn the_printed_address_opens_the_applications_page() {
    let server = Server::with_examples(&["single"]);
    let mut response = Server::client().get(&server.url("/")).call().unwrap();
    assert_eq!(response.status(), 200);
    let body = response.body_mut().read_to_string().unwrap();
    assert!(body.contains("<!doctype html>"), "{body}");
}
