// pmreview overview: a click on a heading sorts its table (again: the other way); the order
// is kept in the address (#sort=KEY or #sort=KEY-desc), so a sorted view can be shared.
function sortBy(th, ascending) {
  var table = th.closest("table"), body = table.tBodies[0], col = +th.dataset.col;
  var text = th.dataset.type === "text";
  table.querySelectorAll("th[aria-sort]").forEach(function (o) { o.removeAttribute("aria-sort"); });
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = a.cells[col], y = b.cells[col];
    var d = text ? x.textContent.localeCompare(y.textContent) : x.dataset.v - y.dataset.v;
    return ascending ? d : -d;
  });
  rows.forEach(function (r) { body.appendChild(r); });
}
document.querySelectorAll("table.sortable th[data-col]").forEach(function (th) {
  th.querySelector("button").addEventListener("click", function () {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    sortBy(th, ascending);
    history.replaceState(null, "", "#sort=" + th.dataset.key + (ascending ? "" : "-desc"));
  });
});
(function () {
  var m = /^#sort=(.+?)(-desc)?$/.exec(decodeURIComponent(location.hash));
  var th = m && document.querySelector('th[data-key="' + m[1].replace(/"/g, "") + '"]');
  if (th) sortBy(th, !m[2]);
})();
