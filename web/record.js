// A record's page: the YAML on the left, every draft on the right,
// changing as the record is typed. No framework; record text reaches the
// page only through textContent and value, and draft HTML only from the
// server's own renderer, which escapes every field of the record.
"use strict";

(function () {
  const file = decodeURIComponent(location.pathname.split("/").pop() || "");
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  const gutter = $("gutter");
  const problemsList = $("problems");
  const draftsBox = $("drafts");
  const staleNote = $("stale-note");
  const statusLine = $("status");
  const conflictBox = $("conflict");
  const messageLine = $("message");

  window.thankyouTimings = window.thankyouTimings || [];

  const state = {
    // The version of the file on disk that the editor's text started from.
    version: null,
    // The text as last loaded or saved: equal to the editor's when saved.
    savedText: "",
    // Versions this page wrote, so polling does not take them for others'.
    ours: new Set(),
    // Whether the record's last preview read without a mistake.
    ok: true,
    mistakes: 0,
    everGood: false,
    // The preview loop: one request at a time, and the newest text next.
    inFlight: false,
    wanted: false,
    firstInput: null,
    // Saves and logs under way, and how many have finished, so a poll that
    // crossed one is not believed.
    writing: 0,
    writes: 0,
    // The disk's text and version while the conflict notice is up.
    disk: null,
    lineMarks: new Map(),
    lineCount: 0,
  };

  // ---- requests ----------------------------------------------------------

  // Every call goes through thankyou.fetch (web/token.js), which adds the
  // token the server asks of each call for data.
  async function call(method, path, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await window.thankyou.fetch(path, options);
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      data = { error: "the server sent an answer this page cannot read" };
    }
    return { status: response.status, data };
  }

  const recordPath = () => "/api/record/" + encodeURIComponent(file);

  // ---- status and messages -----------------------------------------------

  function updateStatus() {
    const parts = [];
    if (state.version === null) {
      parts.push("Loading");
    } else {
      parts.push(editor.value === state.savedText ? "Saved" : "Unsaved changes");
    }
    if (!state.ok) {
      parts.push(state.mistakes === 1 ? "1 mistake" : state.mistakes + " mistakes");
    }
    statusLine.textContent = parts.join(" · ");
    $("save").classList.toggle("dirty", editor.value !== state.savedText);
  }

  let messageTimer = null;
  // Shows `text` in #message; an error stays, other news goes after a
  // while. `action` ({label, run}) adds a button, such as "Undo".
  function say(text, isError, action) {
    messageLine.replaceChildren(document.createTextNode(text));
    messageLine.classList.toggle("error", Boolean(isError));
    messageLine.hidden = false;
    clearTimeout(messageTimer);
    if (action) {
      const control = button("message-action", action.label);
      control.addEventListener("click", () => {
        control.disabled = true;
        action.run();
      });
      messageLine.append(" ", control);
    }
    if (!isError) {
      messageTimer = setTimeout(() => { messageLine.hidden = true; }, action ? 20000 : 6000);
    }
  }

  // Puts `text` in `parent` as text, each `quoted` part in a <code>, so
  // a message that names a field shows it as the editor does, without
  // the backticks.
  function withCode(parent, text) {
    text.split("`").forEach((part, index) => {
      if (index % 2 === 1) {
        const code = document.createElement("code");
        code.textContent = part;
        parent.appendChild(code);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
    return parent;
  }

  // ---- the gutter --------------------------------------------------------

  // The editor wraps long lines (wrap="soft"), and the gutter numbers the
  // record's own lines: each number is as tall as its line is on screen,
  // measured in a hidden copy of the editor's text at the editor's width.
  const measure = document.createElement("div");
  measure.className = "measure";
  measure.setAttribute("aria-hidden", "true");
  editor.parentNode.appendChild(measure);

  function renderGutter() {
    const count = editor.value.split("\n").length;
    const fragment = document.createDocumentFragment();
    for (let line = 1; line <= count; line += 1) {
      const number = document.createElement("div");
      number.textContent = String(line);
      const mark = state.lineMarks.get(line);
      if (mark) {
        number.className = "problem-line " + mark.severity;
        number.title = mark.message;
      }
      fragment.appendChild(number);
    }
    gutter.replaceChildren(fragment);
    state.lineCount = count;
    fitGutter();
  }

  // Sets each line number's height to its line's height in the editor.
  function fitGutter() {
    const lines = editor.value.split("\n");
    const style = getComputedStyle(editor);
    const width = editor.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    measure.style.width = Math.max(width, 1) + "px";
    while (measure.childElementCount > lines.length) {
      measure.lastElementChild.remove();
    }
    while (measure.childElementCount < lines.length) {
      measure.appendChild(document.createElement("div"));
    }
    lines.forEach((line, index) => {
      const copy = measure.children[index];
      const text = line === "" ? " " : line;
      if (copy.textContent !== text) {
        copy.textContent = text;
      }
    });
    const numbers = gutter.children;
    for (let index = 0; index < lines.length && index < numbers.length; index += 1) {
      const height = measure.children[index].offsetHeight + "px";
      if (numbers[index].style.height !== height) {
        numbers[index].style.height = height;
      }
    }
    gutter.scrollTop = editor.scrollTop;
  }

  function gutterAfterInput() {
    if (editor.value.split("\n").length !== state.lineCount) {
      renderGutter();
    } else {
      fitGutter();
    }
  }

  // ---- problems ----------------------------------------------------------

  function showProblems(problems) {
    state.lineMarks = new Map();
    const fragment = document.createDocumentFragment();
    for (const problem of problems) {
      const item = document.createElement("li");
      item.className = "problem " + problem.severity;
      const where = document.createElement("span");
      where.className = "where";
      if (problem.line) {
        item.dataset.line = String(problem.line);
        item.tabIndex = 0;
        item.title = "Go to line " + problem.line;
        where.textContent = "Line " + problem.line;
        const known = state.lineMarks.get(problem.line);
        if (!known || known.severity !== "error") {
          state.lineMarks.set(problem.line, problem);
        }
      } else {
        where.textContent = problem.severity === "error" ? "Error" : "Note";
      }
      const text = document.createElement("span");
      text.className = "what";
      withCode(text, problem.message);
      item.append(where, text);
      fragment.appendChild(item);
    }
    problemsList.replaceChildren(fragment);
    renderGutter();
  }

  function goToLine(line) {
    const lines = editor.value.split("\n");
    let offset = 0;
    for (let index = 0; index < line - 1 && index < lines.length; index += 1) {
      offset += lines[index].length + 1;
    }
    editor.focus();
    editor.setSelectionRange(offset, offset);
    const height = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 1) * height - editor.clientHeight / 3);
    gutter.scrollTop = editor.scrollTop;
  }

  function problemTarget(event) {
    const item = event.target.closest("li.problem[data-line]");
    return item ? Number(item.dataset.line) : null;
  }

  // ---- drafts ------------------------------------------------------------

  function button(className, label) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    return element;
  }

  // A day in words, its ISO date kept for machines: <time datetime>.
  function day(iso, words) {
    const time = document.createElement("time");
    time.dateTime = iso;
    time.textContent = words;
    return time;
  }

  // Where a draft stands, in words: "Overdue: was due Tuesday, November 24",
  // as what comes before the day, and after it.
  function dueWords(draft) {
    const send = draft.kind === "card" ? "Mail" : "Send";
    switch (draft.due) {
      case "overdue":
        return ["Overdue: was due ", ""];
      case "today":
        return ["Due today, ", ""];
      case "stopped":
        return ["Not needed now (was planned for ", ")"];
      default:
        return [send + " on ", ""];
    }
  }

  function draftArticle(draft) {
    const article = document.createElement("article");
    article.className = "draft" + (draft.sent ? " sent" : "");
    article.dataset.id = draft.id;
    article.dataset.kind = draft.kind;
    article.dataset.to = draft.to;

    const head = document.createElement("header");
    const title = document.createElement("h4");
    title.textContent = draft.label;
    const when = document.createElement("p");
    when.className = "send-on due-" + draft.due;
    article.dataset.due = draft.due;
    if (draft.due !== "sent") {
      const [before, after] = dueWords(draft);
      when.append(before, day(draft.send_on, draft.send_on_words), after);
    } else if (draft.sent_on_words) {
      when.append("Sent on ", day(draft.sent_on, draft.sent_on_words));
    } else {
      when.textContent = "Sent";
    }
    head.append(title, when);
    if (draft.moved_from) {
      const moved = document.createElement("p");
      moved.className = "moved";
      moved.textContent = "Moved from " + draft.moved_from +
        (draft.moved_because ? ": " + draft.moved_because : "");
      head.appendChild(moved);
    }

    const subject = document.createElement("p");
    subject.className = "subject";
    subject.textContent = draft.subject === null
      ? "A card, to write by hand"
      : "Subject: " + draft.subject;

    const body = document.createElement("div");
    body.className = "body";
    // The server's own renderer wrote this, every record field escaped.
    body.innerHTML = draft.html;

    const tools = document.createElement("div");
    tools.className = "tools";
    tools.appendChild(button("copy", "Copy text"));
    if (draft.kind !== "card" && draft.mailto) {
      tools.appendChild(button("eml", "Download .eml"));
      const link = document.createElement("a");
      link.className = "mailto";
      link.href = draft.mailto;
      link.textContent = "Open in mail";
      tools.appendChild(link);
    } else if (draft.kind !== "card") {
      const none = document.createElement("p");
      none.className = "no-email";
      none.textContent = "No email address for " + draft.to + " in the record";
      tools.appendChild(none);
    }
    if (!draft.sent) {
      tools.appendChild(button("mark-sent", "Mark as sent"));
    }

    article.append(head, subject, body, tools);
    article.thankyouDraft = draft;
    return article;
  }

  function showDrafts(drafts, stopped) {
    const fragment = document.createDocumentFragment();
    if (stopped) {
      const note = document.createElement("p");
      note.className = "notice plan-stopped";
      note.id = "plan-stopped";
      withCode(note, "The plan has stopped: " + stopped + ".");
      fragment.appendChild(note);
    }
    const people = new Map();
    for (const draft of drafts) {
      if (!people.has(draft.to)) {
        const group = document.createElement("section");
        group.className = "person";
        const name = document.createElement("h3");
        name.textContent = draft.to;
        group.appendChild(name);
        people.set(draft.to, group);
        fragment.appendChild(group);
      }
      people.get(draft.to).appendChild(draftArticle(draft));
    }
    if (drafts.length === 0) {
      const none = document.createElement("p");
      none.className = "empty";
      none.textContent = "This record plans no drafts.";
      fragment.appendChild(none);
    }
    draftsBox.replaceChildren(fragment);
  }

  // The header and the window's title: the company and role once the
  // record reads, the file's name until then.
  function showHeader(company, role) {
    $("company").textContent = company || file;
    $("role").textContent = role || "";
    document.title = [company || file, role, "thankyou"].filter(Boolean).join(" · ");
  }

  function showPreview(preview) {
    state.ok = preview.ok;
    state.mistakes = preview.problems.filter((p) => p.severity === "error").length;
    showProblems(preview.problems);
    if (preview.ok) {
      state.everGood = true;
      showDrafts(preview.drafts, preview.stopped);
      draftsBox.classList.remove("stale");
      staleNote.hidden = true;
      showHeader(preview.company, preview.role);
    } else {
      draftsBox.classList.add("stale");
      for (const mark of draftsBox.querySelectorAll("button.mark-sent")) {
        mark.disabled = true;
        mark.title = "Mend the record's mistakes first: these drafts are from its last good version.";
      }
      staleNote.textContent = state.everGood
        ? "The record has a mistake, so these drafts are from its last good version. Mend it on the left; the drafts follow."
        : "No drafts yet: mend the mistakes on the left and the drafts appear here.";
      staleNote.hidden = false;
    }
    updateStatus();
  }

  // ---- the live preview --------------------------------------------------

  async function sendPreview() {
    state.inFlight = true;
    state.wanted = false;
    const started = state.firstInput;
    state.firstInput = null;
    const text = editor.value;
    try {
      const answer = await call("POST", "/api/preview", { file, text });
      if (answer.status === 200) {
        showPreview(answer.data);
        if (started !== null) {
          window.thankyouTimings.push(performance.now() - started);
        }
      } else {
        say("Cannot show the drafts: " + (answer.data.error || answer.status), true);
      }
    } catch (error) {
      say("Cannot reach thankyou serve; is it still running?", true);
    } finally {
      state.inFlight = false;
      if (state.wanted) {
        sendPreview();
      }
    }
  }

  function requestPreview() {
    if (state.inFlight) {
      state.wanted = true;
    } else {
      sendPreview();
    }
  }

  function onInput() {
    if (state.firstInput === null) {
      state.firstInput = performance.now();
    }
    gutterAfterInput();
    updateStatus();
    requestPreview();
  }

  // ---- loading, saving, conflicts ----------------------------------------

  function setText(text, version) {
    const scroll = editor.scrollTop;
    editor.value = text;
    editor.scrollTop = scroll;
    state.version = version;
    state.savedText = text;
    state.ours.add(version);
    renderGutter();
    updateStatus();
    requestPreview();
  }

  // After a failed load: nothing to edit or save, and why, in words.
  function cannotOpen(status, error) {
    editor.disabled = true;
    for (const id of ["save", "download-ics", "open-print"]) {
      $(id).disabled = true;
    }
    statusLine.textContent = "Not opened";
    // The server's words are a sentence of their own: one sentence here.
    const reason = (error || "the server answered " + status).replace(/\.$/, "");
    const why = status === 404
      ? "There is no record named " + file + " in this folder any more; it may have been renamed or removed."
      : "This record cannot be opened here: " + reason.charAt(0).toLowerCase() + reason.slice(1) + ".";
    say(why + " Go back to all applications to pick another.", true);
  }

  async function load() {
    showHeader(null, null);
    let answer;
    try {
      answer = await call("GET", recordPath());
    } catch (_) {
      cannotOpen(0, "thankyou serve cannot be reached; is it still running?");
      return;
    }
    if (answer.status !== 200) {
      cannotOpen(answer.status, answer.data.error);
      return;
    }
    setText(answer.data.text, answer.data.version);
    editor.focus();
    editor.setSelectionRange(0, 0);
    editor.scrollTop = 0;
    gutter.scrollTop = 0;
  }

  function showConflict(disk) {
    state.disk = disk;
    conflictBox.hidden = false;
  }

  function hideConflict() {
    state.disk = null;
    conflictBox.hidden = true;
  }

  async function write(path, body) {
    state.writing += 1;
    try {
      return await call("POST", path, body);
    } finally {
      state.writing -= 1;
      state.writes += 1;
    }
  }

  async function save(version) {
    const text = editor.value;
    const answer = await write(recordPath(), { text, version: version || state.version });
    if (answer.status === 200) {
      state.version = answer.data.version;
      state.ours.add(answer.data.version);
      state.savedText = text;
      hideConflict();
      updateStatus();
      return true;
    }
    if (answer.status === 409) {
      showConflict({ text: answer.data.text, version: answer.data.version });
      return false;
    }
    say("Not saved: " + (answer.data.error || answer.status), true);
    return false;
  }

  async function poll() {
    if (state.version === null || state.writing > 0 || !conflictBox.hidden) {
      return;
    }
    const writes = state.writes;
    try {
      const answer = await call("GET", recordPath());
      if (answer.status !== 200 || state.writing > 0 || state.writes !== writes) {
        return;
      }
      const version = answer.data.version;
      if (version !== state.version && !state.ours.has(version)) {
        showConflict({ text: answer.data.text, version });
      }
    } catch (_) {
      // The server stopped; the next poll tries again.
    }
  }

  // ---- per-draft actions -------------------------------------------------

  // The file name in a Content-Disposition header: `filename*` (UTF-8)
  // when given, else `filename`.
  function dispositionName(disposition) {
    const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition || "");
    if (extended) {
      try {
        return decodeURIComponent(extended[1].trim());
      } catch (_) {
        // Not valid percent-encoding: the plain name below.
      }
    }
    const plain = /filename="([^"]*)"/i.exec(disposition || "");
    return plain ? plain[1] : null;
  }

  // Asks for a file made from the record being edited and saves it under
  // the server's name for it; a refusal (the record has a mistake, the
  // person has no email) is shown in #message, and the editor stays.
  async function download(path, fields, fallbackName) {
    let response;
    try {
      response = await window.thankyou.fetch(path, {
        method: "POST",
        body: new URLSearchParams(fields),
      });
    } catch (_) {
      say("Cannot reach thankyou serve; is it still running?", true);
      return;
    }
    if (!response.ok) {
      const why = (await response.text().catch(() => "")).trim();
      say(why || "Nothing to download: the server answered " + response.status, true);
      return;
    }
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = dispositionName(response.headers.get("Content-Disposition")) || fallbackName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked once the browser has surely started saving it.
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  // Opens the print sheet in a new tab: a form post, with the token as a
  // field, since a new tab's request cannot carry a header.
  function openPrint(fields) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/download/print";
    form.target = "_blank";
    form.hidden = true;
    const all = Object.assign({}, fields, { token: window.thankyou.token() || "" });
    for (const [name, value] of Object.entries(all)) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
    form.remove();
  }

  async function copy(text, control) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (_) {
      const area = document.createElement("textarea");
      area.value = text;
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    const label = control.textContent;
    control.textContent = "Copied";
    setTimeout(() => { control.textContent = label; }, 1500);
  }

  async function markSent(draft, control) {
    control.disabled = true;
    if (editor.value !== state.savedText && !(await save())) {
      control.disabled = false;
      return;
    }
    const answer = await write(recordPath() + "/log", {
      sent: draft.kind,
      to: draft.to,
      version: state.version,
    });
    if (answer.status === 200) {
      setText(answer.data.text, answer.data.version);
      const after = answer.data.version;
      say(answer.data.message, false, { label: "Undo", run: () => unmarkSent(after) });
    } else if (answer.status === 409) {
      showConflict({ text: answer.data.text, version: answer.data.version });
      control.disabled = false;
    } else {
      say("Not logged: " + (answer.data.error || answer.status), true);
      control.disabled = false;
    }
  }

  // Takes back the log entry "mark as sent" just added: the server puts
  // back the text from before it, if the file is still as the mark left it.
  async function unmarkSent(after) {
    if (editor.value !== state.savedText) {
      say("Not undone: you have changed the record since it was marked as sent; " +
        "take the entry out of the log in the editor.", true);
      return;
    }
    const answer = await write(recordPath() + "/unlog", { version: after });
    if (answer.status === 200) {
      setText(answer.data.text, answer.data.version);
      say(answer.data.message, false);
      return;
    }
    if (answer.status === 409 && answer.data.version !== state.version) {
      showConflict({ text: answer.data.text, version: answer.data.version });
    }
    say("Not undone: " + (answer.data.error || "the server answered " + answer.status) + ".", true);
  }

  function onDraftClick(event) {
    const control = event.target.closest("button");
    const article = event.target.closest("article.draft");
    if (!control || !article || draftsBox.classList.contains("stale") && control.classList.contains("mark-sent")) {
      return;
    }
    const draft = article.thankyouDraft;
    if (control.classList.contains("copy")) {
      copy(draft.text, control);
    } else if (control.classList.contains("eml")) {
      download("/download/eml", { text: editor.value, file, draft: draft.id }, draft.id + ".eml");
    } else if (control.classList.contains("mark-sent")) {
      markSent(draft, control);
    }
  }

  // ---- wiring ------------------------------------------------------------

  editor.addEventListener("input", onInput);
  editor.addEventListener("scroll", () => { gutter.scrollTop = editor.scrollTop; });
  window.addEventListener("resize", () => fitGutter());
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      // YAML forbids tabs: two spaces instead, and focus stays in the editor.
      event.preventDefault();
      document.execCommand("insertText", false, "  ");
    }
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
  });
  problemsList.addEventListener("click", (event) => {
    const line = problemTarget(event);
    if (line) {
      goToLine(line);
    }
  });
  problemsList.addEventListener("keydown", (event) => {
    const line = problemTarget(event);
    if (line && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      goToLine(line);
    }
  });
  draftsBox.addEventListener("click", onDraftClick);
  $("save").addEventListener("click", () => save());
  $("download-ics").addEventListener("click", () => {
    download("/download/ics", { text: editor.value, file }, file.replace(/\.ya?ml$/, "") + ".ics");
  });
  $("open-print").addEventListener("click", () => {
    openPrint({ text: editor.value, file });
  });
  $("conflict-reload").addEventListener("click", () => {
    const disk = state.disk;
    hideConflict();
    if (disk) {
      setText(disk.text, disk.version);
    }
  });
  $("conflict-keep").addEventListener("click", () => {
    const disk = state.disk;
    if (disk) {
      save(disk.version);
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (state.version !== null && editor.value !== state.savedText) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  setInterval(poll, 2000);
  load();
})();
