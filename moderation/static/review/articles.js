// The articles page, keyboard first: j/k move between articles, o/p/c go to a mode button (Enter sets it,
// so no single key changes what readers see), q opens the article's queue, ? the key list.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#articles tbody tr"));
  var help = document.getElementById("help");
  var index = -1;

  function activate(i) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (row, n) { row.classList.toggle("active", n === index); });
    rows[index].focus();
    rows[index].scrollIntoView({block: "nearest"});
  }

  function toggleHelp(show) {
    help.hidden = !show;
    if (show) document.getElementById("help-close").focus();
    else if (index >= 0) rows[index].focus();
  }

  var hash = window.location.hash.slice(1);
  rows.forEach(function (row, n) {
    if (row.id === hash) index = n;
    row.addEventListener("click", function () { index = n; rows.forEach(function (r, m) { r.classList.toggle("active", m === n); }); });
  });
  if (index >= 0) activate(index);
  document.getElementById("help-close").addEventListener("click", function () { toggleHelp(false); });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    var key = event.key;
    if (!help.hidden) {
      if (key === "Escape" || key === "?") { event.preventDefault(); toggleHelp(false); }
      return;
    }
    var row = index >= 0 ? rows[index] : null;
    var handled = true;
    switch (key) {
      case "j": activate(index + 1); break;
      case "k": activate(index < 0 ? 0 : index - 1); break;
      case "o": case "p": case "c":
        if (!row) activate(0);
        row = rows[index];
        var button = row && row.querySelector('button[data-key="' + key + '"]');
        if (button && !button.disabled) button.focus();
        break;
      case "q": if (row) window.location.assign(row.getAttribute("data-queue")); break;
      case "Enter": if (row && event.target === row) window.location.assign(row.getAttribute("data-queue")); else handled = false; break;
      case "Escape": if (row) row.focus(); break;
      case "?": toggleHelp(true); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
})();
