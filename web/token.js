// The token every call for data carries. The server's first answer sends
// the browser to this page with `#token=…`: a fragment, never sent to a
// server. This script, loaded first by each page, keeps it in
// localStorage, which belongs to this origin (port included) alone, takes
// it out of the address bar, and adds it to each call as a header. The
// cookie the server also sets opens the pages only: a browser sends a
// cookie for 127.0.0.1 to every port of it, so it cannot guard records.
"use strict";

(function () {
  const KEY = "thankyou-token";
  const HEADER = "X-Thankyou-Token";
  const MISSING = "Open the address `thankyou serve` printed, with its token.";

  const given = /^#token=([0-9a-f]+)$/.exec(location.hash);
  if (given) {
    try {
      localStorage.setItem(KEY, given[1]);
    } catch (_) {
      // Storage refused (a private window's policy): the calls say so.
    }
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  // The token kept for this server, or null.
  function token() {
    try {
      return localStorage.getItem(KEY);
    } catch (_) {
      return null;
    }
  }

  // One line at the top of the page saying how to get in, shown once.
  function showMissing() {
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", showMissing, { once: true });
      return;
    }
    if (document.getElementById("token-missing")) {
      return;
    }
    const line = document.createElement("p");
    line.id = "token-missing";
    line.className = "notice error";
    line.setAttribute("role", "alert");
    line.textContent = MISSING;
    document.body.prepend(line);
  }

  // fetch(), with the token: every call the pages make goes through here.
  // A 403 means the token is missing or from an earlier run.
  async function call(path, options) {
    const init = Object.assign({ credentials: "same-origin" }, options || {});
    const headers = new Headers(init.headers || {});
    const value = token();
    if (value) {
      headers.set(HEADER, value);
    }
    init.headers = headers;
    const response = await fetch(path, init);
    if (response.status === 403) {
      showMissing();
    }
    return response;
  }

  if (token() === null) {
    showMissing();
  }
  window.thankyou = Object.freeze({ fetch: call, token });
})();
