// The review queue page. User text is only ever set with textContent (never innerHTML); every string
// shown comes from the server's message catalog (the "boot" JSON block) or the page's <template>.
(function () {
  "use strict";

  var boot = JSON.parse(document.getElementById("boot").textContent);
  var M = boot.messages;
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var cardsEl = document.getElementById("cards");
  var template = document.getElementById("card-template");
  var noticesEl = document.getElementById("notices");
  var emptyEl = document.getElementById("empty");
  var loadingEl = document.getElementById("loading");
  var helpEl = document.getElementById("help");
  var bulkbar = document.getElementById("bulkbar");
  var bulkCount = document.getElementById("bulk-count");
  var othersEl = document.getElementById("others");
  var awayEl = document.getElementById("away");
  var confirmEl = document.getElementById("confirm");

  var state = {
    cards: [],          // card data, in display order
    index: 0,           // the active card
    selected: new Set(),
    gone: new Set(),    // decided or skipped here: never re-added from a claim that raced the decision
    skipped: [],        // skipped ids, sent with each claim so the server gives them back, not to us
    emptyAtReady: -1,   // the ready count when a claim last came back empty (no re-claiming in a loop)
    ready: 0,
    picker: null,       // {ids: [...]} while the reject reason picker is open
    last: null,         // {id, at, card, index}: the last own decision, for undo
    fetching: null,
    exhausted: false,
    pendingKey: null,   // performance.now() of the key press waiting for the next card
    confirm: null,      // {action, reason, ids} while the bulk confirmation is open
    lastInput: Date.now(),
    away: false,        // idle: claims given back, nothing renewed or claimed until the moderator resumes
  };

  function fmt(key, values) {
    var text = M[key] || key;
    return text.replace(/\{(\w+)\}/g, function (_, name) {
      return values && values[name] !== undefined ? String(values[name]) : "";
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -- server ------------------------------------------------------------------------------------------

  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.headers["X-CSRF-Token"] = csrf;
      init.body = JSON.stringify(Object.assign({ site: boot.site }, body));
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) {
        notify(M["notice.session_expired"], "error");
        setTimeout(function () { window.location.assign(boot.login_url); }, 1500);
        throw new Error("session");
      }
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 400 && data.error && data.error.code === "csrf_failed") {
          notify(M["notice.reload"], "error");   // logged in again elsewhere: this page's token is stale
          throw new Error("session");
        }
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  function networkError(err) {
    if (!err || err.message !== "session") notify(M["notice.network"], "error");
  }

  // -- rendering ---------------------------------------------------------------------------------------

  function ageText(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    var rtf = new Intl.RelativeTimeFormat(boot.lang, { numeric: "always", style: "short" });
    if (seconds < 60) return rtf.format(-seconds, "second");
    if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), "minute");
    if (seconds < 86400) return rtf.format(-Math.floor(seconds / 3600), "hour");
    return rtf.format(-Math.floor(seconds / 86400), "day");
  }

  function durationText(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    var unit = seconds < 60 ? "second" : seconds < 3600 ? "minute" : seconds < 86400 ? "hour" : "day";
    var size = { second: 1, minute: 60, hour: 3600, day: 86400 }[unit];
    var n = Math.floor(seconds / size);
    // 「1分」「3時間」 in Japanese (Intl's short form gives 「1 分」, its narrow one 「2s」), "1 min" in English
    if (boot.lang === "ja") return n + { second: "秒", minute: "分", hour: "時間", day: "日" }[unit];
    return new Intl.NumberFormat(boot.lang, { style: "unit", unit: unit, unitDisplay: "short" })
      .format(Math.floor(seconds / size));
  }

  function renderText(container, segments) {
    segments.forEach(function (seg) {
      if (seg.blank) {  // blank lines as one marker on a line of its own: the text after them stays in view
        container.appendChild(document.createTextNode("\n"));
        container.appendChild(el("span", "ctl", fmt("card.blank_lines", { n: seg.blank })));
        container.appendChild(document.createTextNode("\n"));
      } else if (seg.ctl) {
        container.appendChild(el("span", "ctl", seg.t));
      } else if (seg.label) {
        var mark = el("mark", "hl hl-" + (seg.label === "spam" ? "spam" : seg.label === "other" ? "other" : "abuse"), seg.t);
        mark.title = M["label." + seg.label] || seg.label;
        container.appendChild(mark);
      } else {
        container.appendChild(document.createTextNode(seg.t));
      }
    });
  }

  function buildCard(card) {
    var node = template.content.firstElementChild.cloneNode(true);
    node.dataset.commentId = card.id;
    var scores = node.querySelector(".scores");
    card.scores.forEach(function (score) {
      var item = el("span", "score level-" + score.level);
      item.appendChild(el("span", "score-label", M["label." + score.label] || score.label));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("strong", "score-word", M["level." + score.level]));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "score-num", score.value.toFixed(2)));
      scores.appendChild(item);
    });
    var cats = node.querySelector(".categories");
    (card.categories || []).forEach(function (cat) {
      var item = el("li", "category level-" + cat.level);
      item.appendChild(el("strong", "category-name", M["label." + (cat.name || cat.label)] || cat.label));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "score-word", M["level." + cat.level]));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "score-num", cat.value.toFixed(2)));
      if (cat.evidence.length) {
        item.appendChild(document.createTextNode(" · " + M["card.evidence"] + ": "));
        cat.evidence.forEach(function (piece, i) {
          if (i) item.appendChild(document.createTextNode(", "));
          item.appendChild(typeof piece === "string" ? el("q", "evidence", piece)
            : el("span", "evidence evidence-feature", M["feature." + piece.feature] || piece.feature));
        });
      }
      cats.appendChild(item);
    });
    cats.hidden = !(card.categories || []).length;
    node.querySelector('[data-action="primary"]').textContent =
      fmt("action.reject_as", { reason: M["label." + card.primary_reason] || card.primary_reason });
    var time = node.querySelector(".received");
    time.dateTime = new Date(card.received_at).toISOString();
    time.title = new Date(card.received_at).toLocaleString(boot.lang);
    time.dataset.ms = card.received_at;
    time.textContent = ageText((Date.now() - card.received_at) / 1000);
    renderText(node.querySelector(".text"), card.segments);
    if (card.features.length) {
      var list = node.querySelector(".feature-list");
      card.features.forEach(function (f, i) {
        if (i) list.appendChild(document.createTextNode(", "));
        var chip = el("span", "feature hl-" + (f.label === "spam" ? "spam" : "abuse"), M["feature." + f.feature] || f.feature);
        chip.title = f.feature + " (" + (M["label." + f.label] || f.label) + ", " + f.weight + ")";
        list.appendChild(chip);
      });
      node.querySelector(".features").hidden = false;
    }
    if (card.parent) {
      var parent = node.querySelector(".parent");
      parent.hidden = false;
      if (card.parent.known) {
        node.querySelector(".parent-author").textContent = card.parent.author_name;
        node.querySelector(".parent-text").textContent = card.parent.text;
      } else {
        node.querySelector(".parent-text").textContent = fmt("card.parent_missing", { id: card.parent.id });
      }
    }
    var article = node.querySelector(".article");
    if (card.article_title) {
      article.appendChild(el("bdi", "article-title", card.article_title));
      article.appendChild(document.createTextNode(" "));
    }
    if (card.article_url) {
      var link = el("a", "", card.article_id);
      link.href = card.article_url;
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      link.title = card.url_text;
      article.appendChild(link);
    } else {
      article.appendChild(el("code", "", card.article_id));
      if (card.url_text) article.appendChild(el("span", "url-inert", " " + card.url_text));
    }
    node.querySelector(".author-name").textContent = card.author_name;
    node.querySelector(".author-id").textContent = card.author_id;
    node.querySelector(".author-history").textContent = fmt("card.history", card.history);
    renderStanding(node, card.standing);
    if (card.reports) {  // readers sent it here: say so, or a clean comment's card gives no reason to be read
      var reported = node.querySelector(".reported");
      reported.textContent = fmt("card.reported", { n: card.reports, reason: M["label." + (card.last_report || "other")] });
      reported.hidden = false;
    }
    if (card.rule && M["card.rule." + card.rule]) {  // held by the article's mode or the author's standing
      var rule = node.querySelector(".rule");
      rule.textContent = M["card.rule." + card.rule];
      rule.hidden = false;
    }
    return node;
  }

  // The author's standing on the card (a badge, strike points, until when) and, in the details, its form.
  function renderStanding(node, standing) {
    var box = node.querySelector(".standing");
    box.hidden = !standing;
    node.querySelector(".standing-form").hidden = !standing;
    if (!standing) return;
    var badge = node.querySelector(".standing-badge");
    badge.className = "standing-badge standing-" + standing.level;
    badge.textContent = M["standing." + standing.level] || standing.level;
    var detail = [];
    if (standing.points) detail.push(fmt("standing.points", { points: standing.points }));
    if (standing.until) detail.push(fmt("standing.until", { until: new Date(standing.until).toLocaleString(boot.lang) }));
    node.querySelector(".standing-detail").textContent = detail.join(" · ");
    node.querySelector(".standing-select").value = standing.level;
  }

  function focusStanding() {
    var card = current();
    if (!card || !card.standing) return;
    var node = cardNode(card.id);
    if (node.querySelector(".details").hidden) toggleDetails(card.id);
    node.querySelector(".standing-select").focus();
  }

  function setStanding(id) {
    var card = state.cards.find(function (c) { return c.id === id; });
    var node = cardNode(id);
    if (!card || !node) return;
    var level = node.querySelector(".standing-select").value;
    var days = parseInt(node.querySelector(".standing-days").value, 10);
    var body = { author_id: card.author_id, standing: level };
    if (level === "suspended" && days > 0) body.days = days;
    api("POST", "/review/api/author-standing", body)
      .then(function (res) {
        if (!res.ok) { notify(fmt("standing.failed", { message: res.data.error ? res.data.error.message : res.status }), "error"); return; }
        state.cards.forEach(function (c) {
          if (c.author_id !== card.author_id) return;
          c.standing = res.data.standing;
          var other = cardNode(c.id);
          if (other) renderStanding(other, c.standing);
        });
        notify(fmt("standing.changed", { standing: M["standing." + res.data.standing.level] }), "ok");
        node.focus();
      })
      .catch(networkError);
  }

  function cardNode(id) {
    var nodes = cardsEl.children;
    for (var i = 0; i < nodes.length; i++) if (nodes[i].dataset.commentId === id) return nodes[i];
    return null;
  }

  function activate(index, focus) {
    if (!state.cards.length) {
      state.index = 0;
      emptyEl.hidden = state.fetching !== null;
      return;
    }
    state.index = Math.max(0, Math.min(index, state.cards.length - 1));
    var active = cardsEl.querySelector(".card.active");
    if (active) { active.classList.remove("active"); active.removeAttribute("aria-current"); }
    var node = cardNode(state.cards[state.index].id);
    if (!node) return;
    node.classList.add("active");
    node.setAttribute("aria-current", "true");
    if (focus !== false && focusIsOurs()) {
      node.focus({ preventScroll: true });
      node.scrollIntoView({ block: "nearest" });
    }
    markReady();
  }

  // Move focus to the active card only when it is not somewhere the moderator is typing or choosing.
  function focusIsOurs() {
    var active = document.activeElement;
    return !active || active === document.body || active.id === "content" || cardsEl.contains(active)
      || noticesEl.contains(active) || bulkbar.contains(active);
  }

  function markReady() {
    if (state.pendingKey === null) return;
    var start = state.pendingKey;
    state.pendingKey = null;
    requestAnimationFrame(function () {
      try { performance.measure("review:key-to-next-card", { start: start, end: performance.now() }); }
      catch (e) { /* User Timing L3 missing: no measurement */ }
    });
  }

  function addCards(cards, atIndex) {
    var known = new Set(state.cards.map(function (c) { return c.id; }));
    cards.forEach(function (card, offset) {
      if (known.has(card.id) || state.gone.has(card.id)) return;
      var node = buildCard(card);
      if (atIndex === undefined || atIndex >= state.cards.length) {
        state.cards.push(card);
        cardsEl.appendChild(node);
      } else {
        var before = cardNode(state.cards[atIndex + offset] ? state.cards[atIndex + offset].id : "");
        state.cards.splice(atIndex + offset, 0, card);
        cardsEl.insertBefore(node, before);
      }
    });
    emptyEl.hidden = state.cards.length > 0;
    loadingEl.hidden = true;
  }

  function removeCard(id) {
    var i = state.cards.findIndex(function (c) { return c.id === id; });
    if (i < 0) return null;
    var card = state.cards.splice(i, 1)[0];
    var node = cardNode(id);
    if (node) node.remove();
    state.selected.delete(id);
    if (i < state.index) state.index -= 1;
    updateBulkbar();
    return { card: card, index: i };
  }

  function updateBulkbar() {
    bulkbar.hidden = state.selected.size === 0;
    bulkCount.textContent = fmt("queue.selected", { n: state.selected.size });
  }

  function notify(message, kind, undoable) {
    noticesEl.textContent = "";
    var p = el("p", "notice" + (kind ? " notice-" + kind : ""), message);
    if (undoable) {
      p.appendChild(document.createTextNode(" "));
      var button = el("button", "btn btn-quiet", M["action.undo"]);
      button.type = "button";
      button.addEventListener("click", undo);
      p.appendChild(button);
    }
    noticesEl.appendChild(p);
  }

  // -- loading cards -----------------------------------------------------------------------------------

  function refill() {
    if (state.fetching) return state.fetching;
    state.fetching = api("POST", "/review/api/claim",
      { order: boot.order, label: boot.label, article: boot.article, skipped: state.skipped,
        n: Math.min(50, Math.max(10, state.cards.length)) })
      .then(function (res) {
        if (res.ok && state.away) {  // went away while this claim was in flight: give back what it leased
          releaseAll("idle");
          return;
        }
        if (res.ok) {
          var hadActive = state.cards.length > 0;
          addCards(res.data.cards || []);
          state.exhausted = !(res.data.cards || []).length;
          if (state.exhausted) state.emptyAtReady = state.ready;
          if (!hadActive) activate(0);
        }
      })
      .catch(networkError)
      .finally(function () {
        state.fetching = null;
        loadingEl.hidden = true;
        emptyEl.hidden = state.away || state.cards.length > 0;  // an away page says only that it is away
        if (!state.cards.length) markReady();
      });
    return state.fetching;
  }

  function maybeRefill() {
    if (state.cards.length < 4) refill();
  }

  // -- actions -----------------------------------------------------------------------------------------

  function current() { return state.cards[state.index] || null; }

  function decide(action, reason, id) {
    var card = id ? state.cards.find(function (c) { return c.id === id; }) : current();
    if (!card) return;
    var message = messageOf(card.id);
    var removed = removeCard(card.id);
    state.gone.add(card.id);
    activate(state.index);
    maybeRefill();
    api("POST", "/review/api/decide", { id: card.id, action: action, reason: reason || "", message: message })
      .then(function (res) {
        if (res.ok) {
          state.last = { id: card.id, at: Date.now(), card: card, index: removed.index };
          var text = res.data.outcome === "approved" ? M["notice.approved"]
            : fmt("notice.rejected", { reason: M["label." + res.data.reason] || res.data.reason });
          notify(text + " " + fmt("notice.undo_hint", { seconds: boot.undo_seconds }), "ok", true);
        } else if (res.status === 409 || res.status === 404) {
          notify(res.data.error.message, "warn");   // someone else decided it: a notice, the card stays gone
        } else {
          restore(removed);
          notify((res.data.error && res.data.error.message) || M["notice.network"], "error");
        }
      })
      .catch(function (err) { restore(removed); networkError(err); });
  }

  function restore(removed) {
    if (!removed) return;
    state.gone.delete(removed.card.id);
    addCards([removed.card], Math.min(removed.index, state.cards.length));
    activate(state.index, false);
  }

  function firstLine(card) {
    var text = card.segments.map(function (seg) { return seg.t; }).join("").replace(/\s+/g, " ").trim();
    return text.length > 60 ? text.slice(0, 60) + "…" : text;
  }

  // Bulk decisions ask once: the count, the action and the first line of each selected comment.
  function askBulk(action, reason) {
    var ids = Array.from(state.selected);
    if (!ids.length) return;
    state.confirm = { action: action, reason: reason || "", ids: ids };
    var reasonName = M["label." + reason] || reason;
    document.getElementById("confirm-title").textContent = action === "approve"
      ? fmt("bulk.confirm_approve", { n: ids.length }) : fmt("bulk.confirm_reject", { n: ids.length, reason: reasonName });
    var list = document.getElementById("confirm-list");
    list.textContent = "";
    ids.forEach(function (id) {
      var card = state.cards.find(function (c) { return c.id === id; });
      if (card) list.appendChild(el("li", "", firstLine(card)));
    });
    confirmEl.hidden = false;
    document.getElementById("confirm-yes").focus();
  }

  function closeConfirm(go) {
    var ask = state.confirm;
    state.confirm = null;
    confirmEl.hidden = true;
    if (confirmEl.contains(document.activeElement)) document.activeElement.blur();
    if (go && ask) bulk(ask.action, ask.reason, ask.ids);
    else if (current()) activate(state.index);
  }

  function bulk(action, reason, ids) {
    if (!ids || !ids.length) return;
    var removed = ids.map(removeCard).filter(Boolean);
    ids.forEach(function (id) { state.gone.add(id); });
    activate(state.index);
    maybeRefill();
    api("POST", "/review/api/decide-bulk", { ids: ids, action: action, reason: reason || "" })
      .then(function (res) {
        if (!res.ok) {
          removed.forEach(restore);
          notify((res.data.error && res.data.error.message) || M["notice.network"], "error");
          return;
        }
        var results = res.data.results || [];
        var doneIds = results.filter(function (r) { return r.ok; }).map(function (r) { return r.id; });
        var done = doneIds.length;
        var text = action === "approve" ? fmt("notice.bulk_approved", { n: done })
          : fmt("notice.bulk_rejected", { n: done, reason: M["label." + reason] || reason });
        var conflicts = results.length - done;
        if (conflicts) text += " " + fmt("notice.bulk_conflicts", { n: conflicts });
        if (done) {
          state.last = { ids: doneIds, at: Date.now() };
          text += " " + fmt("notice.undo_hint", { seconds: boot.undo_seconds });
        }
        notify(text, conflicts ? "warn" : "ok", done > 0);
      })
      .catch(function (err) { removed.forEach(restore); networkError(err); });
  }

  function skip() {
    var card = current();
    if (!card) return;
    removeCard(card.id);
    state.gone.add(card.id);
    state.skipped = state.skipped.concat([card.id]).slice(-50);
    activate(state.index);
    api("POST", "/review/api/skip", { id: card.id })
      .then(function (res) { notify(res.ok ? M["notice.skipped"] : res.data.error.message, res.ok ? "ok" : "warn"); })
      .catch(networkError)
      .finally(maybeRefill);
  }

  function undo() {
    var last = state.last;
    if (!last) { notify(M["notice.nothing_to_undo"], "warn"); return; }
    if (Date.now() - last.at > boot.undo_seconds * 1000) {
      state.last = null;
      notify(M["notice.undo_expired"], "warn");
      return;
    }
    state.last = null;
    if (last.ids) { undoBulk(last.ids); return; }
    api("POST", "/review/api/undo", { id: last.id })
      .then(function (res) {
        if (!res.ok) { notify(res.data.error.message, "warn"); return; }
        state.gone.delete(last.id);
        var at = Math.min(state.index, state.cards.length);
        addCards([res.data.card], at);
        activate(at);
        notify(M["notice.undone"], "ok");
      })
      .catch(networkError);
  }

  function undoBulk(ids) {
    api("POST", "/review/api/undo-bulk", { ids: ids })
      .then(function (res) {
        if (!res.ok) { notify((res.data.error && res.data.error.message) || M["notice.network"], "warn"); return; }
        var cards = res.data.cards || [];
        cards.forEach(function (card) { state.gone.delete(card.id); });
        var at = Math.min(state.index, state.cards.length);
        addCards(cards, at);
        activate(at);
        var text = fmt("notice.bulk_undone", { n: cards.length });
        if ((res.data.failed || []).length) text += " " + res.data.failed[0].error.message;
        notify(text, (res.data.failed || []).length ? "warn" : "ok");
      })
      .catch(networkError);
  }

  // The expanded card: the author's latest comments with their decisions, and a message to the commenter.
  function toggleDetails(id) {
    var card = id ? state.cards.find(function (c) { return c.id === id; }) : current();
    if (!card) return;
    var node = cardNode(card.id);
    var details = node.querySelector(".details");
    details.hidden = !details.hidden;
    node.querySelector('[data-action="details"]').setAttribute("aria-expanded", String(!details.hidden));
    if (details.hidden || details.dataset.loaded || !card.author_id) return;
    details.dataset.loaded = "1";
    node.querySelector(".author-panel-title").textContent = fmt("card.recent", { name: card.author_name || card.author_id });
    api("GET", "/review/api/author?site=" + encodeURIComponent(boot.site) + "&id=" + encodeURIComponent(card.author_id))
      .then(function (res) {
        if (!res.ok) return;
        var list = node.querySelector(".recent");
        var others = res.data.recent.filter(function (r) { return r.id !== card.id; });
        if (!others.length) list.appendChild(el("li", "muted", M["card.recent_none"]));
        others.forEach(function (r) {
          var item = el("li", "recent-item");
          var what = r.outcome ? M["outcome." + r.outcome] + (r.reason ? " · " + (M["label." + r.reason] || r.reason) : "")
            : M["state." + (r.status || "published")] || r.status;
          item.appendChild(el("span", "recent-state state-" + (r.outcome || r.status), what));
          item.appendChild(document.createTextNode(" "));
          item.appendChild(el("time", "recent-age", ageText((Date.now() - r.received_at) / 1000)));
          item.appendChild(el("span", "recent-text", r.text));
          list.appendChild(item);
        });
      })
      .catch(networkError);
  }

  // `m`: the card's details open with the cursor in the message to the commenter (Esc goes back to the card).
  function writeMessage() {
    var card = current();
    if (!card) return;
    var node = cardNode(card.id);
    if (node.querySelector(".details").hidden) toggleDetails(card.id);
    var box = node.querySelector(".message");
    if (box) box.focus();
  }

  function messageOf(id) {
    var node = cardNode(id);
    var box = node && node.querySelector(".message");
    return box ? box.value.trim() : "";
  }

  function toggleSelect(id) {
    var card = id ? { id: id } : current();
    if (!card) return;
    var node = cardNode(card.id);
    if (state.selected.has(card.id)) state.selected.delete(card.id); else state.selected.add(card.id);
    if (node) {
      node.classList.toggle("selected", state.selected.has(card.id));
      node.querySelector(".select-box").checked = state.selected.has(card.id);
    }
    updateBulkbar();
  }

  function openPicker(ids) {
    closePicker();
    var card = current();
    if (!card) return;
    state.picker = { ids: ids };
    var picker = cardNode(card.id).querySelector(".reason-picker");
    picker.hidden = false;
    picker.querySelector("button").focus();
  }

  function closePicker() {
    if (!state.picker) return;
    state.picker = null;
    cardsEl.querySelectorAll(".reason-picker").forEach(function (p) { p.hidden = true; });
    var card = current();
    if (card && cardNode(card.id)) cardNode(card.id).focus({ preventScroll: true });
  }

  function chooseReason(reason) {
    var picker = state.picker;
    closePicker();
    if (!picker || !reason) return;
    if (picker.ids) askBulk("reject", reason); else decide("reject", reason);
  }

  // The key press's own timestamp (same clock as performance.now()) starts the measurement that
  // markReady() ends on the first frame after the next card is active: "review:key-to-next-card".
  function approveOrReject(action, reason, pressedAt) {
    if (state.selected.size) { askBulk(action, reason); return; }
    if (state.pendingKey === null) state.pendingKey = pressedAt || performance.now();
    decide(action, reason);
  }

  function toggleHelp(show) {
    var visible = show === undefined ? helpEl.hidden : show;
    helpEl.hidden = !visible;
    if (visible) document.getElementById("help-close").focus();
    else {
      if (helpEl.contains(document.activeElement)) document.activeElement.blur();
      if (current()) activate(state.index);
    }
  }

  // -- events ------------------------------------------------------------------------------------------

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" && event.target.type !== "checkbox" || tag === "SELECT" || tag === "TEXTAREA") {
      var inCard = event.target.closest(".card");  // Esc leaves a card's field (message, standing) for the card's keys
      if (event.key === "Escape" && inCard) { event.preventDefault(); inCard.focus({ preventScroll: true }); }
      return;
    }
    var key = event.key;
    if (state.away) { event.preventDefault(); resume(); return; }
    if (state.confirm) {
      if (key === "Enter") { event.preventDefault(); closeConfirm(true); }
      else if (key === "Escape") { event.preventDefault(); closeConfirm(false); }
      return;
    }
    if (!helpEl.hidden) {
      if (key === "Escape" || key === "?") { event.preventDefault(); toggleHelp(false); }
      return;
    }
    if (state.picker) {
      var digit = "1234567890".indexOf(key);
      if (digit >= 0 && digit < boot.reasons.length) { event.preventDefault(); chooseReason(boot.reasons[digit]); }
      else if (key === "Escape") { event.preventDefault(); closePicker(); }
      return;
    }
    var handled = true;
    switch (key) {
      case "j": activate(state.index + 1); break;
      case "k": activate(state.index - 1); break;
      case "a": approveOrReject("approve", "", event.timeStamp); break;
      case "s": if (current()) approveOrReject("reject", current().primary_reason, event.timeStamp); break;
      case "n": skip(); break;
      case "o": toggleDetails(); break;
      case "m": writeMessage(); break;
      case "t": focusStanding(); break;
      case "r": openPicker(state.selected.size ? Array.from(state.selected) : null); break;
      case "x": toggleSelect(); break;
      case "u": undo(); break;
      case "?": toggleHelp(true); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  cardsEl.addEventListener("click", function (event) {
    var node = event.target.closest(".card");
    if (!node) return;
    var id = node.dataset.commentId;
    var i = state.cards.findIndex(function (c) { return c.id === id; });
    if (i >= 0 && i !== state.index) activate(i, false);
    var button = event.target.closest("button");
    if (event.target.classList.contains("select-box")) { toggleSelect(id); event.target.checked = state.selected.has(id); return; }
    if (!button) return;
    if (button.dataset.reason !== undefined) { chooseReason(button.dataset.reason); return; }
    var action = button.dataset.action;
    if (action === "approve") decide("approve", "", id);
    else if (action === "primary") decide("reject", state.cards[i].primary_reason, id);
    else if (action === "reject") openPicker(null);
    else if (action === "skip") skip();
    else if (action === "details") toggleDetails(id);
    else if (action === "standing") setStanding(id);
  });

  bulkbar.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-bulk]");
    if (!button) return;
    if (button.dataset.bulk === "approve") askBulk("approve");
    else openPicker(Array.from(state.selected));
  });

  document.getElementById("confirm-yes").addEventListener("click", function () { closeConfirm(true); });
  document.getElementById("confirm-no").addEventListener("click", function () { closeConfirm(false); });
  document.getElementById("resume").addEventListener("click", resume);

  document.getElementById("help-button").addEventListener("click", function () { toggleHelp(true); });
  document.getElementById("help-close").addEventListener("click", function () { toggleHelp(false); });

  // -- live counts -------------------------------------------------------------------------------------

  function pollStats() {
    api("GET", "/review/api/stats?site=" + encodeURIComponent(boot.site))
      .then(function (res) {
        if (!res.ok) return;
        var s = res.data;
        state.ready = s.ready;
        document.querySelector('[data-count="open"]').textContent = s.open;
        document.querySelector('[data-count="claimed"]').textContent = s.claimed;
        document.querySelector('[data-count="oldest"]').textContent = s.open ? durationText(s.oldest_age_seconds) : "–";
        document.querySelectorAll("[data-label-count]").forEach(function (node) {
          node.textContent = s.by_label[node.dataset.labelCount] || 0;
        });
        cardsEl.querySelectorAll("time.received").forEach(function (t) {
          t.textContent = ageText((Date.now() - Number(t.dataset.ms)) / 1000);
        });
        var others = s.claimed - (s.mine || 0);  // this page's own leases are not another moderator's
        othersEl.hidden = !(others > 0 && s.next_return_seconds !== null);
        if (!othersEl.hidden) {
          othersEl.textContent = fmt("queue.others", { n: others, when: durationText(Math.max(60, s.next_return_seconds)) });
        }
        if (attentive() && !state.cards.length && s.ready > 0 && s.ready !== state.emptyAtReady) refill();
      })
      .catch(function () { /* next poll retries */ });
  }

  // -- leases follow attention ---------------------------------------------------------------------------
  // Claims are renewed only while the page is visible and the moderator gave input within idle_seconds;
  // an idle page, a closed tab or a logout gives them back at once, so nobody else waits for a lease.

  function attentive() {
    return !state.away && document.visibilityState === "visible"
      && Date.now() - state.lastInput < boot.idle_seconds * 1000;
  }

  function releaseAll(reason) {
    var body = new URLSearchParams({ csrf_token: csrf, site: boot.site, reason: reason });
    if (!(navigator.sendBeacon && navigator.sendBeacon("/review/api/release", body))) {
      fetch("/review/api/release", { method: "POST", credentials: "same-origin", body: body, keepalive: true })
        .catch(function () { /* the lease runs out on its own */ });
    }
  }

  function goAway() {
    if (state.away) return;
    state.away = true;
    releaseAll("idle");
    state.cards = [];
    state.selected.clear();
    updateBulkbar();
    closePicker();
    cardsEl.textContent = "";
    emptyEl.hidden = true;
    awayEl.hidden = false;
  }

  function resume() {
    state.away = false;
    state.lastInput = Date.now();
    awayEl.hidden = true;
    state.emptyAtReady = -1;
    refill();
  }

  function noteInput() { if (!state.away) state.lastInput = Date.now(); }
  ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"].forEach(function (name) {
    document.addEventListener(name, noteInput, { passive: true, capture: true });
  });
  window.addEventListener("pagehide", function () { releaseAll("pagehide"); });

  function renew() {
    if (attentive()) refill();   // a claim renews the leases of every card on screen (n covers them all)
  }

  function checkIdle() {
    if (!state.away && Date.now() - state.lastInput >= boot.idle_seconds * 1000) goAway();
  }

  refill();
  pollStats();
  setInterval(pollStats, 3000);
  setInterval(renew, boot.renew_seconds * 1000);
  setInterval(checkIdle, Math.min(5000, boot.idle_seconds * 500));
})();
