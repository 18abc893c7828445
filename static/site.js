// Comfort only: every page works without this file.
// "Copy link" copies a claim's permalink; where the clipboard is not allowed, the link
// is selected so the reader can copy it by hand.
(function () {
  "use strict";

  function selectField(field, status) {
    field.focus();
    field.select();
    if (status) status.textContent = "Link selected: press Ctrl+C (or ⌘C) to copy it.";
  }

  function setUpCopy(button) {
    var field = document.getElementById(button.dataset.copyTarget);
    var status = button.closest(".share").querySelector(".copy-status");
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!navigator.clipboard || !window.isSecureContext) {
        selectField(field, status);
        return;
      }
      navigator.clipboard.writeText(field.value).then(
        function () {
          if (status) status.textContent = "Link copied.";
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy link"; }, 2000);
        },
        function () { selectField(field, status); }
      );
    });
  }

  // Move keyboard focus to the claim a #claim-… link points at, so it is read out too.
  function focusTarget() {
    if (!/^#claim-/.test(location.hash)) return;
    var target = document.getElementById(location.hash.slice(1));
    if (target) target.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button.copy-link").forEach(setUpCopy);
    focusTarget();
  });
  window.addEventListener("hashchange", focusTarget);
})();
