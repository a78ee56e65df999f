// Progressive enhancement only: every page works without this file.
// Moves focus to an error summary so that screen-reader and keyboard users hear the problem first.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('[data-tsn-focus]');
  if (summary) {
    summary.focus();
  }
});
