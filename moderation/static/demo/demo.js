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

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit.disabled = true;
    message.textContent = "送信中…";
    fetch(form.action, {
      method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) { message.textContent = result.body.error || "投稿できませんでした。"; return; }
      form.querySelector("textarea").value = "";
      message.textContent = result.body.comment.status === "published" ? "コメントを掲載しました。" :
        result.body.comment.status === "pending" ? "コメントは審査中です。確認後に掲載されます。" :
        "このコメントは掲載できません。";
      return refresh();
    }).catch(function () {
      message.textContent = "投稿できませんでした。通信状態を確認してください。";
    }).then(function () { submit.disabled = false; });
  });

  refresh();
  window.setInterval(refresh, 1500);
})();
