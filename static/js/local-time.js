// Shows a <time data-local-time datetime="ISO"> in the reader's own time zone (the page
// was drawn in the site's): "14:05" where the browser is, without the zone's name.
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var when = new Date(element.getAttribute("datetime"));
    if (isNaN(when.getTime())) return;
    element.textContent = when.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  });
})();
