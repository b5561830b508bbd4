// The applications page: every record in the folder with what is due, and
// the "New interview" form. Record text reaches the page only through
// textContent and value, never as HTML.
"use strict";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// The server's today (it may be fixed with --today), once the list is read.
let today = null;

// "2026-12-01" as "Tue 1 Dec"; the text itself when it is not such a date.
function shortDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) {
    return iso || "";
  }
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
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
      return "Has mistakes";
  }
}

// One record as a card.
function recordCard(record) {
  const item = element("li", `record state-${record.state}`);
  item.dataset.file = record.file;
  item.dataset.state = record.state;
  const href = `/record/${encodeURIComponent(record.file)}`;

  const head = element("div", "record-head");
  const title = element("h2", "record-title");
  const link = element("a", "record-link", record.company || record.file);
  link.href = href;
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
    item.append(element("p", "record-stopped", record.stopped));
  }
  if (record.error) {
    item.append(element("p", "record-error", record.error));
  }
  const open = element("a", "record-open", record.state === "invalid" ? "Open and correct it" : "Open the record and its drafts");
  open.href = href;
  item.append(open);
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
  const questions = Array.from(form.querySelectorAll("#questions .question"))
    .map((set) => ({
      question: valueOf(set, "question"),
      asked_by: valueOf(set, "asked_by"),
      answer: valueOf(set, "answer"),
    }))
    .filter((question) => question.question !== null || question.answer !== null);
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

// Sends the form; on success, opens the new record's page.
async function submitForm(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const button = document.getElementById("new-submit");
  showError(null);
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
    showError(body.error || `The record was not saved: the server answered ${response.status}.`);
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
  loadConfig();
  loadRecords();
});
