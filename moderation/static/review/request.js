// A removal request's page: d (or the skip link 判断へ移動) puts the keyboard on the decision's outcome, however long
// the comments and the requester's text above it. The page works without this file: the link then goes to the form.
(function () {
  "use strict";
  var form = document.querySelector(".decide-form");
  if (!form) return;

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
