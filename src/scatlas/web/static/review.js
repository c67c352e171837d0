// Keyboard review: j/k move, a accepts, 1–9/0/-/= pick one of the 12 domains (the sub-type is then asked again),
// f cycles the function, u undoes the last decision. Every decision is posted to /review/<id> with the page's CSRF
// token and stored as a human coding; an undone one stays in the edit log.
(function () {
  "use strict";
  var queue = document.getElementById("review-queue");
  if (!queue) return;
  var csrf = queue.dataset.csrf;
  var savedText = queue.dataset.saved;
  var functions = queue.dataset.functions.split(",");
  var domains = queue.dataset.domains.split(",");
  var KEYS = "1234567890-=";
  var cards = Array.prototype.slice.call(queue.querySelectorAll("article.rv"));
  var index = 0;

  function select(i) {
    if (i < 0 || i >= cards.length) return;
    cards[index].classList.remove("current");
    index = i;
    cards[index].classList.add("current");
    cards[index].focus({preventScroll: true});
    cards[index].scrollIntoView({block: "nearest"});
  }

  function save(card, fields, advance) {
    var body = new URLSearchParams();
    body.set("csrf_token", csrf);
    Object.keys(fields).forEach(function (k) { body.set(k, fields[k]); });
    var status = card.querySelector(".rv-status");
    status.textContent = "…";
    return fetch("/review/" + card.dataset.id, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json", "X-CSRF-Token": csrf}
    }).then(function (r) {
      return r.json().then(function (data) { return {ok: r.ok, data: data}; });
    }).then(function (res) {
      if (!res.ok) { status.textContent = String(res.data.detail || "error"); card.classList.add("failed"); return; }
      var s = res.data.service;
      card.querySelector(".rv-domain").textContent = s.domain || "—";
      card.querySelector(".rv-function").textContent = s["function"] || "—";
      card.dataset.function = s["function"] || "";
      card.querySelector("select[name=domain_id]").value = s.domain_id || "";
      card.querySelector("select[name=function]").value = s["function"] || "";
      var sub = card.querySelector("select[name=subtype]");
      if (sub) sub.value = s.subtype || "";
      card.classList.add("saved");
      status.textContent = savedText + " · " + s.coder;
      decided.push(card);
      undoButton.disabled = false;
      if (advance) select(index + 1);
    }).catch(function (err) { status.textContent = String(err); });
  }

  var decided = [];
  var undoButton = document.getElementById("review-undo");

  function undo() {
    var card = decided.pop();
    if (!card) return;
    undoButton.disabled = decided.length === 0;
    var body = new URLSearchParams();
    body.set("csrf_token", csrf);
    var status = card.querySelector(".rv-status");
    fetch("/review/" + card.dataset.id + "/undo", {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": "application/json", "X-CSRF-Token": csrf}
    }).then(function (r) {
      return r.json().then(function (data) { return {ok: r.ok, data: data}; });
    }).then(function (res) {
      if (!res.ok) { status.textContent = String(res.data.detail || "error"); return; }
      var s = res.data.service;
      card.querySelector(".rv-domain").textContent = s.domain || "—";
      card.querySelector(".rv-function").textContent = s["function"] || "—";
      card.classList.remove("saved");
      status.textContent = "↩";
      select(cards.indexOf(card));
    });
  }
  if (undoButton) undoButton.addEventListener("click", undo);

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target && ev.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    var card = cards[index];
    if (!card) return;
    if (ev.key === "j") { select(index + 1); }
    else if (ev.key === "k") { select(index - 1); }
    else if (ev.key === "a") { save(card, {action: "accept"}, true); }
    else if (ev.key === "u") { undo(); }
    else if (ev.key === "f") {
      var next = functions[(functions.indexOf(card.dataset.function) + 1) % functions.length];
      save(card, {action: "set", "function": next}, false);
    } else if (KEYS.indexOf(ev.key) >= 0 && ev.key.length === 1) {
      // a new domain: the sub-type is asked again (the card stays, its sub-type list now holds the new domain's)
      var domainSelect = card.querySelector("select[name=domain_id]");
      domainSelect.value = domains[KEYS.indexOf(ev.key)];
      domainSelect.dispatchEvent(new Event("change"));
      save(card, {action: "set", domain_id: domains[KEYS.indexOf(ev.key)], subtype: ""}, false);
    } else { return; }
    ev.preventDefault();
  });
  cards.forEach(function (card, i) { card.addEventListener("click", function () { select(i); }); });
})();
