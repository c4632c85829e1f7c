// A removal request's page: d (or the skip link 判断へ移動) puts the keyboard on the decision's outcome, however long
// the comments and the requester's text above it. The page works without this file: the link then goes to the form.
// What is typed into the decision is kept in this tab (sessionStorage) until the decision is recorded: a form sent
// after the session ended goes through the login and back here, and finds it again.
(function () {
  "use strict";
  var form = document.querySelector(".decide-form");
  var key = "decide-draft:" + window.location.pathname.replace(/\/decide$/, "");  // also after a refusal
  var store = null;
  try { store = window.sessionStorage; } catch (e) { /* storage off: no draft */ }
  if (!form) {
    if (store) store.removeItem(key);  // decided (here or by another): the draft is done with
    return;
  }
  var fields = ["criterion", "criterion_detail", "reason"];

  function save() {
    var outcome = form.querySelector('input[name="outcome"]:checked');
    var draft = {outcome: outcome ? outcome.value : "", remove: []};
    fields.forEach(function (name) { draft[name] = form.elements[name].value; });
    form.querySelectorAll('input[name="remove"]:checked').forEach(function (box) { draft.remove.push(box.value); });
    try { store.setItem(key, JSON.stringify(draft)); } catch (e) { /* full: keep typing */ }
  }

  function restore() {
    var draft = null;
    try { draft = JSON.parse(store.getItem(key) || "null"); } catch (e) { return; }
    var blank = !form.querySelector('input[name="outcome"]:checked') &&
      fields.every(function (name) { return !form.elements[name].value; });
    if (!draft || !blank) return;  // the page's own values (a refused decision) come first
    form.querySelectorAll('input[name="outcome"]').forEach(function (radio) { radio.checked = radio.value === draft.outcome; });
    form.querySelectorAll('input[name="remove"]').forEach(function (box) { box.checked = draft.remove.indexOf(box.value) >= 0; });
    fields.forEach(function (name) { if (typeof draft[name] === "string") form.elements[name].value = draft[name]; });
    var note = document.createElement("p");
    note.className = "notice draft-restored";
    note.setAttribute("role", "status");
    note.textContent = form.getAttribute("data-restored");
    form.insertBefore(note, form.firstChild);
  }

  if (store) {
    restore();
    form.addEventListener("input", save);
    form.addEventListener("change", save);
  }

  function jump(event) {
    var choice = form.querySelector('input[name="outcome"]:checked') || form.querySelector('input[name="outcome"]');
    if (!choice) return;
    event.preventDefault();
    choice.focus();
    choice.scrollIntoView({block: "center"});
  }

  document.getElementById("jump-decide").addEventListener("click", jump);
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.key !== "d") return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.target.isContentEditable) return;
    jump(event);
  });
})();
