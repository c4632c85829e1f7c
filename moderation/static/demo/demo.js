// The demo article page: post a comment without leaving the page, then poll the demo site's backend so a
// moderator's decision (delivered to it by webhook) shows up without a reload. All text via textContent.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  var list = document.getElementById("comment-list");
  var message = document.getElementById("form-message");
  var count = document.getElementById("comment-count");
  var submit = document.getElementById("comment-submit");
  if (!form || !list) { return; }
  var source = list.getAttribute("data-source");
  var BADGES = { pending: ["badge badge-pending", "審査中"], rejected: ["badge badge-rejected", "掲載されませんでした"] };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function renderComment(c) {
    var item = element("li", "comment status-" + c.status);
    item.setAttribute("data-id", c.id);
    item.setAttribute("data-status", c.status);
    var head = element("p", "comment-head");
    head.appendChild(element("span", "comment-name", c.name));
    if (BADGES[c.status]) {
      head.appendChild(document.createTextNode(" "));
      head.appendChild(element("span", BADGES[c.status][0], BADGES[c.status][1]));
    }
    item.appendChild(head);
    item.appendChild(element("p", "comment-text", c.text));
    return item;
  }

  function render(comments) {
    var fragment = document.createDocumentFragment();
    comments.forEach(function (c) { fragment.appendChild(renderComment(c)); });
    list.replaceChildren(fragment);
    if (count) {
      count.textContent = String(comments.filter(function (c) { return c.status === "published"; }).length);
    }
  }

  function refresh() {
    return fetch(source, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) { if (body && body.comments) { render(body.comments); } })
      .catch(function () { /* try again at the next tick */ });
  }

  // Before posting, the site asks comments:check; a nudge is shown in the form (Japanese first) and the reader
  // revises or posts anyway. A post after a nudge carries the nudged text's token, so the service counts it
  // as unchanged or revised. If the check cannot answer, the comment is simply posted.
  var nudge = document.getElementById("nudge");
  var checkUrl = form.getAttribute("data-check");
  var textarea = document.getElementById("comment-text");
  var nudgedToken = null;
  var checkedText = null;

  function showNudge(found) {
    document.getElementById("nudge-ja").textContent = found.message.ja;
    document.getElementById("nudge-en").textContent = found.message.en;
    var words = document.getElementById("nudge-words");
    var marks = document.createDocumentFragment();
    found.spans.forEach(function (span) { marks.appendChild(element("mark", "", span.text)); });
    words.replaceChildren(marks);
    document.getElementById("nudge-spans").hidden = found.spans.length === 0;
    nudge.hidden = false;
  }

  function hideNudge() { nudge.hidden = true; }

  function post() {
    submit.disabled = true;
    message.textContent = "送信中…";
    var body = new URLSearchParams(new FormData(form));
    if (nudgedToken) { body.set("check_token", nudgedToken); }
    return fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" }
    }).then(function (r) {
      return r.json().then(function (answer) { return { ok: r.ok, body: answer }; });
    }).then(function (result) {
      if (!result.ok) { message.textContent = result.body.error || "投稿できませんでした。"; return; }
      textarea.value = "";
      nudgedToken = null;
      checkedText = null;
      hideNudge();
      message.textContent = result.body.comment.status === "published" ? "コメントを掲載しました。" :
        result.body.comment.status === "pending" ? "コメントは審査中です。確認後に掲載されます。" :
        "このコメントは掲載できません。";
      return refresh();
    }).catch(function () {
      message.textContent = "投稿できませんでした。通信状態を確認してください。";
    }).then(function () { submit.disabled = false; });
  }

  function check() {
    submit.disabled = true;
    message.textContent = "確認中…";
    return fetch(checkUrl, {
      method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (r) {
      return r.json().then(function (answer) { return { ok: r.ok, status: r.status, body: answer }; });
    }).then(function (result) {
      if (!result.ok) {
        if (result.status === 400) { message.textContent = result.body.error || "投稿できませんでした。"; return; }
        return post();  // the check is a courtesy: when it cannot answer, the comment is posted as usual
      }
      if (!result.body.nudge) { return post(); }
      if (!nudgedToken) { nudgedToken = result.body.check_token; }
      checkedText = textarea.value;
      showNudge(result.body.nudge);
      message.textContent = "";
    }).catch(function () { return post(); }).then(function () { submit.disabled = false; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!nudge.hidden && textarea.value === checkedText) { post(); return; }  // seen the nudge: post anyway
    check();
  });
  document.getElementById("nudge-post").addEventListener("click", function () { post(); });
  document.getElementById("nudge-revise").addEventListener("click", function () { textarea.focus(); });

  refresh();
  window.setInterval(refresh, 1500);
})();
