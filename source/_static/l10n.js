// Language switcher: keep the reader's place. The pages of every language share their anchors
// (section ids come from the English), so the current #anchor is carried over on a switch.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.l10n-lang") : null;
  if (!link || !window.location.hash) return;
  link.href = link.href.split("#")[0] + window.location.hash;
});
