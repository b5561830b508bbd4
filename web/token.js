// The token every call for data carries. The server's first answer sends
// the browser to this page with `#token=…`: a fragment, never sent to a
// server. This script, loaded first by each page, takes it out of the
// address bar, keeps it in localStorage (which belongs to this origin,
// port included, alone) once the server has taken it, and adds it to each
// call as a header. The cookie the server also sets opens the pages only:
// a browser sends a cookie for 127.0.0.1 to every port of it, so it
// cannot guard records.
"use strict";

(function () {
  const KEY = "thankyou-token";
  const HEADER = "X-Thankyou-Token";
  const MISSING = "Open the address that thankyou serve printed, with its token.";

  // Whether the server takes `candidate` as its token: asked with it
  // alone, so a crafted link (`#token=…` to this port) cannot replace a
  // token that works with one that does not.
  async function works(candidate) {
    try {
      const answer = await fetch("/api/health", {
        credentials: "same-origin",
        headers: { [HEADER]: candidate },
      });
      return answer.status === 200;
    } catch (_) {
      return false;
    }
  }

  // Takes a token from the address (`#token=`) out of it, and keeps it
  // once the server has taken it; the token kept before stays otherwise.
  async function adopt() {
    const given = /^#token=([0-9a-f]{32})$/.exec(location.hash);
    if (/^#token=/.test(location.hash)) {
      history.replaceState(history.state, "", location.pathname + location.search);
    }
    if (!given || given[1] === token() || !(await works(given[1]))) {
      return;
    }
    try {
      localStorage.setItem(KEY, given[1]);
    } catch (_) {
      // Storage refused (a private window's policy): the calls say so.
    }
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
    await ready;
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

  const ready = adopt().then(() => {
    if (token() === null) {
      showMissing();
    }
  });
  window.thankyou = Object.freeze({ fetch: call, token });
})();
