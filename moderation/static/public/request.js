// The request form without JavaScript is complete; with it, long fields show how many characters are left.
"use strict";
document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
  var counter = document.getElementById(area.dataset.counter);
  if (!counter) { return; }
  var template = counter.dataset.template;
  function update() { counter.textContent = template.replace("{n}", String(area.value.length)); }
  counter.hidden = false;
  area.addEventListener("input", update);
  update();
});
