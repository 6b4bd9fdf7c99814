// quiz review --web: draws the view the server sends and sends the keys the learner presses.
// The session lives in the server (the same runner as the terminal); this page only shows it.
// Card HTML arrives sanitised; the page's Content-Security-Policy forbids inline script too.
"use strict";

let queue = Promise.resolve();  // keys go to the server one at a time, in the order pressed
let view = null;

function $(id) { return document.getElementById(id); }

function send(key) {
  queue = queue.then(async () => {
    if (!view || view.kind === "summary") return;
    const response = await fetch("api/command", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key: key }),
    });
    if (response.ok) await settle(await response.json());
  }).catch(() => {});
}

// Draw a view; while the server is still busy with the last key (an editor open), ask again.
async function settle(next) {
  draw(next);
  while (view.pending || view.kind === "starting") {
    const response = await fetch("api/state");
    if (!response.ok) return;
    draw(await response.json());
  }
}

function draw(next) {
  view = next;
  if (next.kind === "starting") return;
  $("loading").hidden = true;
  const messages = $("messages");
  messages.replaceChildren(...(next.messages || []).map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  }));
  if (next.kind === "summary") {
    $("card").hidden = true;
    $("controls").hidden = true;
    $("summary").hidden = false;
    $("summary-lines").replaceChildren(...next.lines.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
    document.body.dataset.state = "summary";
    return;
  }
  if (next.kind !== "card") return;
  $("deck").textContent = next.deck;
  $("note").textContent = next.note + ":" + next.line;
  $("count-new").textContent = next.counts.new;
  $("count-learning").textContent = next.counts.learning;
  $("count-review").textContent = next.counts.review;
  const left = next.counts.new + next.counts.learning + next.counts.review;
  $("progress").max = Math.max(1, next.done + left);
  $("progress").value = next.done;
  $("card").hidden = false;
  $("front").innerHTML = next.front;
  $("back").innerHTML = next.revealed ? next.back : "";
  $("back").hidden = !next.revealed;
  $("divider").hidden = !next.revealed;
  $("reveal").hidden = next.revealed;
  $("ratings").hidden = !next.revealed;
  for (const button of document.querySelectorAll("#ratings .rate")) {
    const found = next.buttons.find((b) => String(b.rating) === button.dataset.key);
    button.querySelector(".interval").textContent = found ? found.interval : "";
  }
  document.body.dataset.state = next.revealed ? "answer" : "question";
  document.body.dataset.card = next.card_id;
}

// Every single key goes to the server, which reads it with the terminal's key table
// (review/input.py) and refuses the ones it does not know; Enter is sent as space, as there.
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
  const key = event.key === "Enter" ? " " : event.key.toLowerCase();
  if (key.length !== 1) return;
  event.preventDefault();
  send(key);
});

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-key]");
  if (button) {
    button.blur();
    send(button.dataset.key);
  }
});

// The first view comes inside the page (a JSON data block, which no browser runs), saving a
// round trip before the first card; a page without it asks for the view.
queue = queue.then(async () => {
  const first = document.getElementById("first-view");
  if (first) {
    await settle(JSON.parse(first.textContent));
    return;
  }
  const response = await fetch("api/state");
  if (response.ok) await settle(await response.json());
});
