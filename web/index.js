// The applications page: every record in the folder with what is due, and
// the "New interview" form. Record text reaches the page only through
// textContent and value, never as HTML.
"use strict";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// The server's today (it may be fixed with --today), once the list is read.
let today = null;

// "2026-12-01" as "Tue 1 Dec", with the year when it is not this year's
// ("Mon 18 May 2025"); the text itself when it is not such a date.
function shortDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) {
    return iso || "";
  }
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const words = `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
  const thisYear = (today || localToday()).slice(0, 4);
  return match[1] === thisYear ? words : `${words} ${match[1]}`;
}

// The local date as YYYY-MM-DD, for when the server has not said.
function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A new element with a class and, optionally, its text.
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

// A new element with a class and `text`, each `quoted` part of it in a
// <code> without the backticks, all as text, never as HTML.
function withCode(tag, className, text) {
  const node = element(tag, className);
  text.split("`").forEach((part, index) => {
    if (index % 2 === 1) {
      node.append(element("code", null, part));
    } else if (part) {
      node.append(part);
    }
  });
  return node;
}

// The badge's words for a record's state.
function stateWords(record) {
  switch (record.state) {
    case "overdue":
      return "Overdue";
    case "due":
      return "Due today";
    case "waiting":
      return record.next ? `Waiting until ${shortDate(record.next.date)}` : "Waiting";
    case "done":
      return "Done";
    default:
      return record.editable ? "Has mistakes" : "Cannot be opened here";
  }
}

// `text` with a capital letter, as a sentence on its own starts.
function capitalized(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// One record as a card.
function recordCard(record) {
  const item = element("li", `record state-${record.state}`);
  item.dataset.file = record.file;
  item.dataset.state = record.state;
  const href = `/record/${encodeURIComponent(record.file)}`;

  const head = element("div", "record-head");
  const title = element("h2", "record-title");
  // A file the record's page cannot open gets no link to it.
  const link = element(record.editable ? "a" : "span", "record-link", record.company || record.file);
  if (record.editable) {
    link.href = href;
  }
  title.append(link);
  head.append(title, element("span", `state state-${record.state}`, stateWords(record)));
  item.append(head);

  if (record.role || record.interview_date) {
    const about = element("p", "record-about");
    if (record.role) {
      about.append(element("span", "record-role", record.role));
    }
    if (record.interview_date) {
      const when = element("time", "record-date", `interviewed ${shortDate(record.interview_date)}`);
      when.dateTime = record.interview_date;
      about.append(when);
    }
    about.append(element("span", "record-file", record.file));
    item.append(about);
  }

  if (record.due && record.due.length > 0) {
    const steps = element("ul", "steps");
    steps.setAttribute("aria-label", "Due now");
    for (const step of record.due) {
      const late = today !== null && step.date < today;
      const line = element("li", late ? "step late" : "step");
      const when = element("time", "step-date", shortDate(step.date));
      when.dateTime = step.date;
      line.append(when, element("span", "step-action", step.action));
      steps.append(line);
    }
    item.append(steps);
  }
  if (record.next && record.state !== "waiting") {
    item.append(element("p", "record-next", `Then: ${record.next.action} on ${shortDate(record.next.date)}`));
  } else if (record.next) {
    item.append(element("p", "record-next", `Next: ${record.next.action}`));
  }
  if (record.stopped) {
    item.append(withCode("p", "record-stopped", capitalized(record.stopped)));
  }
  if (record.error) {
    item.append(withCode("p", "record-error", capitalized(record.error)));
  }
  if (record.editable) {
    const open = element("a", "record-open", record.state === "invalid" ? "Open and correct it" : "Open the record and its drafts");
    open.href = href;
    item.append(open);
  } else {
    item.append(element("p", "record-fix", "This page cannot open it: fix the file in a text editor, then reload this page."));
  }
  return item;
}

// Reads the list from the server and shows it.
async function loadRecords() {
  const status = document.getElementById("records-status");
  const list = document.getElementById("records");
  try {
    const response = await window.thankyou.fetch("/api/records", { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || `the server answered ${response.status}`);
    }
    today = body.today;
    const todayLine = document.getElementById("today");
    todayLine.textContent = `Today is ${shortDate(body.today)}.`;
    const dateField = document.querySelector("#new-form [name=date]");
    if (dateField && !dateField.value) {
      dateField.value = body.today;
    }
    list.replaceChildren(...body.records.map(recordCard));
    document.getElementById("empty").hidden = body.records.length > 0;
    status.hidden = true;
  } catch (error) {
    status.hidden = false;
    status.textContent = `Your records could not be read: ${error.message}`;
  }
}

// Asks whether the config knows the candidate, and its tone.
async function loadConfig() {
  try {
    const response = await window.thankyou.fetch("/api/config", { headers: { Accept: "application/json" } });
    const config = await response.json();
    if (!response.ok) {
      throw new Error(config.error || `the server answered ${response.status}`);
    }
    document.getElementById("candidate").hidden = config.candidate_known;
    if (config.tone) {
      const tone = document.querySelector(`#new-form [name=tone][value=${config.tone}]`);
      if (tone) {
        tone.checked = true;
      }
    }
  } catch (error) {
    // Without the config's word, ask for the candidate: the server uses
    // the answers only when given.
    document.getElementById("candidate").hidden = false;
    showError(`Your config could not be read: ${error.message}`);
  }
}

// The people's names, as typed so far.
function peopleNames() {
  return Array.from(document.querySelectorAll("#people .person [name=name]"))
    .map((field) => field.value.trim())
    .filter((name) => name !== "");
}

// Fills each question's "who asked it" with the people's names, keeping
// each choice made where the name is still there.
function refreshAskedBy() {
  const names = peopleNames();
  for (const select of document.querySelectorAll("#questions [name=asked_by]")) {
    const chosen = select.value;
    select.replaceChildren(...names.map((name) => {
      const option = element("option", null, name);
      option.value = name;
      return option;
    }));
    if (names.includes(chosen)) {
      select.value = chosen;
    }
  }
}

// Numbers the fieldsets of `container` ("Person 1", "Person 2").
function renumber(container, noun) {
  const sets = container.querySelectorAll("fieldset");
  sets.forEach((set, index) => {
    set.querySelector("legend").textContent = `${noun} ${index + 1}`;
    const remove = set.querySelector(".apps-remove");
    if (remove && noun === "Person") {
      remove.hidden = sets.length === 1;
    }
  });
}

// Adds a fieldset from the template `id` to `container`.
function addFrom(id, container, noun) {
  const template = document.getElementById(id);
  const set = template.content.firstElementChild.cloneNode(true);
  set.querySelector(".apps-remove").addEventListener("click", () => {
    set.remove();
    renumber(container, noun);
    refreshAskedBy();
  });
  container.append(set);
  renumber(container, noun);
  return set;
}

// Adds one more person to the form.
function addPerson() {
  const set = addFrom("person-template", document.getElementById("people"), "Person");
  set.querySelector("[name=name]").addEventListener("input", refreshAskedBy);
  return set;
}

// Adds one more question to the form.
function addQuestion() {
  const set = addFrom("question-template", document.getElementById("questions"), "Question");
  refreshAskedBy();
  return set;
}

// A field's value in `scope`, trimmed; null when it is empty.
function valueOf(scope, name) {
  const field = scope.querySelector(`[name="${name}"]`);
  if (!field) {
    return null;
  }
  const value = field.value.trim();
  return value === "" ? null : value;
}

// The checked radio button's value.
function checkedValue(form, name) {
  const field = form.querySelector(`[name="${name}"]:checked`);
  return field ? field.value : null;
}

// The form's answers as the JSON `POST /api/records` reads.
function formJson(form) {
  const people = Array.from(form.querySelectorAll("#people .person")).map((set) => ({
    name: valueOf(set, "name"),
    title: valueOf(set, "title"),
    email: valueOf(set, "email"),
    topics: set.querySelector("[name=topics]").value.split("\n").map((line) => line.trim()).filter((line) => line !== ""),
  }));
  // Every question, the empty ones too (the server skips them), so the
  // server names a question by its place on the form.
  const questions = Array.from(form.querySelectorAll("#questions .question"))
    .map((set) => ({
      question: valueOf(set, "question"),
      asked_by: valueOf(set, "asked_by"),
      answer: valueOf(set, "answer"),
    }));
  const recruiter = {
    name: valueOf(form, "recruiter.name"),
    email: valueOf(form, "recruiter.email"),
    decision_date: valueOf(form, "recruiter.decision_date"),
  };
  const candidateShown = !document.getElementById("candidate").hidden;
  return {
    company: valueOf(form, "company"),
    role: valueOf(form, "role"),
    date: valueOf(form, "date"),
    medium: checkedValue(form, "medium"),
    people,
    questions,
    recruiter: Object.values(recruiter).some((value) => value !== null) ? recruiter : null,
    tone: checkedValue(form, "tone"),
    candidate: candidateShown
      ? {
          name: valueOf(form, "candidate.name"),
          email: valueOf(form, "candidate.email"),
          phone: valueOf(form, "candidate.phone"),
        }
      : null,
    file: valueOf(form, "file"),
  };
}

// Shows `message` beside the form; hides the notice without one.
function showError(message) {
  const notice = document.getElementById("new-error");
  notice.textContent = message || "";
  notice.hidden = !message;
  if (message) {
    notice.scrollIntoView({ block: "nearest" });
  }
}

// The element on the form that the server's `field` names: an input, or
// the group of radio buttons or people it stands for.
function fieldElement(form, field) {
  const listed = /^(people|questions)\[(\d+)\]\.(\w+)$/.exec(field);
  if (listed) {
    const sets = form.querySelectorAll(listed[1] === "people" ? "#people .person" : "#questions .question");
    const set = sets[Number(listed[2])];
    return set ? set.querySelector(`[name="${listed[3]}"]`) : null;
  }
  return form.querySelector(`[data-field="${field}"]`) || form.querySelector(`[name="${field}"]`);
}

// Takes away every problem shown beside a field.
function clearProblems(form) {
  for (const note of form.querySelectorAll(".field-error")) {
    note.remove();
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
  }
}

// Shows each problem beside its field, the field marked, and the focus on
// the first; problems of no field, and a line saying how many, in
// #new-error.
function showProblems(form, problems) {
  clearProblems(form);
  const general = [];
  let first = null;
  problems.forEach((problem, index) => {
    const field = problem.field ? fieldElement(form, problem.field) : null;
    if (!field) {
      general.push(problem.message);
      return;
    }
    const note = element("span", "field-error", problem.message);
    note.id = `field-error-${index}`;
    const described = [field.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" ");
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", described);
    if (field.matches("fieldset, section")) {
      field.append(note);
    } else {
      field.insertAdjacentElement("afterend", note);
    }
    const details = field.closest("details");
    if (details) {
      details.open = true;
    }
    first = first || field;
  });
  const marked = problems.length - general.length;
  const summary = marked === 0
    ? []
    : [marked === 1 ? "One answer needs a change; it is marked above." : `${marked} answers need a change; each is marked above.`];
  showError(summary.concat(general).join("\n"));
  if (first) {
    const target = first.matches("fieldset, section") ? first.querySelector("input, textarea, select, button") : first;
    (target || first).focus();
    first.scrollIntoView({ block: "center" });
  }
}

// Sends the form; on success, opens the new record's page.
async function submitForm(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const button = document.getElementById("new-submit");
  showError(null);
  clearProblems(form);
  button.disabled = true;
  try {
    const response = await window.thankyou.fetch("/api/records", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(formJson(form)),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 201 && body.file) {
      window.location.assign(`/record/${encodeURIComponent(body.file)}`);
      return;
    }
    if (Array.isArray(body.problems) && body.problems.length > 0) {
      showProblems(form, body.problems);
    } else {
      showError(body.error || `The record was not saved: the server answered ${response.status}.`);
    }
  } catch (error) {
    showError(`The record was not saved: ${error.message}. Is thankyou serve still running?`);
  }
  button.disabled = false;
}

// Opens or closes the form.
function toggleForm(open) {
  const form = document.getElementById("new-form");
  const button = document.getElementById("new-interview");
  form.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  if (open) {
    const dateField = form.querySelector("[name=date]");
    if (!dateField.value) {
      dateField.value = today || localToday();
    }
    form.querySelector("[name=company]").focus();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("new-form");
  addPerson();
  document.getElementById("add-person").addEventListener("click", () => {
    addPerson().querySelector("[name=name]").focus();
  });
  document.getElementById("add-question").addEventListener("click", () => {
    addQuestion().querySelector("[name=question]").focus();
  });
  document.getElementById("new-interview").addEventListener("click", () => toggleForm(form.hidden));
  document.getElementById("new-cancel").addEventListener("click", () => toggleForm(false));
  form.addEventListener("submit", submitForm);
  // A field's problem goes once the field is changed.
  form.addEventListener("input", (event) => {
    const field = event.target.closest("[aria-invalid]");
    if (field) {
      for (const id of (field.getAttribute("aria-describedby") || "").split(" ")) {
        const note = id && document.getElementById(id);
        if (note && note.classList.contains("field-error")) {
          note.remove();
        }
      }
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    }
  });
  loadConfig();
  loadRecords();
});
