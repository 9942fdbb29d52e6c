// Clinwiki's only script. Every page works without it; it adds the live preview while editing
// and title suggestions under the search boxes.
(function () {
  "use strict";

  function debounce(action, milliseconds) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(action, milliseconds);
    };
  }

  function livePreview(textarea) {
    var target = document.getElementById(textarea.getAttribute("data-preview"));
    if (!target) {
      return;
    }
    var shown = null;
    var latest = 0;
    function update() {
      var text = textarea.value;
      if (text === shown) {
        return;
      }
      var request = ++latest;
      fetch("/api/v1/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ markdown: text })
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (body) {
        // An older request answering late must not overwrite a newer preview.
        if (body && request === latest) {
          shown = text;
          target.innerHTML = body.html; // sanitised by the server, like every rendered page
          target.setAttribute("data-previewed", "true");
        }
      }).catch(function () {
        // Keep the last preview; saving still works without it.
      });
    }
    textarea.addEventListener("input", debounce(update, 400));
    if (!target.querySelector(".article-body > *:not(.muted)")) {
      update();
    }
  }

  // Titles matching what is typed, offered through a native <datalist>: keyboard and screen
  // reader support come with the browser. Choosing one and pressing Enter goes to the page.
  function titleSuggestions(input, index) {
    var list = document.createElement("datalist");
    list.id = "cw-suggestions-" + index;
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var latest = 0;
    function update() {
      var typed = input.value.trim();
      if (typed.length === 0) {
        list.replaceChildren();
        return;
      }
      var request = ++latest;
      fetch("/api/v1/search/suggest?limit=8&q=" + encodeURIComponent(typed), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (body) {
          if (!body || request !== latest) {
            return;
          }
          list.replaceChildren.apply(list, body.titles.map(function (title) {
            var option = document.createElement("option");
            option.value = title;
            return option;
          }));
        }).catch(function () {
          // No suggestions; searching still works.
        });
    }
    input.addEventListener("input", debounce(update, 120));
  }

  document.querySelectorAll("textarea[data-preview]").forEach(livePreview);
  document.querySelectorAll("input[data-suggest]").forEach(titleSuggestions);
})();
