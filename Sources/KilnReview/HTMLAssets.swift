/// The stylesheet and script embedded in the HTML report (the page fetches nothing).
enum HTMLAssets {
  static let style = """
    body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em;\
    color:#1f2328}
    h1{font-size:1.5em;margin:.2em 0}h3{font-size:1.05em;margin:.2em 0}
    code{font:12px ui-monospace,monospace}
    #summary ul{padding-left:1.2em}.finding{color:#b42318}
    #filters{display:flex;gap:1em;padding:.5em 0;border-bottom:1px solid #d0d7de;margin-bottom:.5em}
    article.change{border:1px solid #d0d7de;border-radius:6px;padding:.6em;margin:.8em 0}
    .facts,.hosts{color:#59636e;margin:.2em 0}
    table.sbs{border-collapse:collapse;width:100%;table-layout:fixed;font:12px ui-monospace,monospace}
    table.sbs td,table.sbs th{border:1px solid #eaeef2;padding:2px 6px;vertical-align:top;\
    white-space:pre-wrap;word-break:break-all;text-align:left}
    td.old,td.del{background:#ffebe9}td.new,td.ins{background:#dafbe1}td.empty{background:#f6f8fa}
    tr.hunk td{background:#ddf4ff;color:#59636e}td.path{width:30%}
    .note{color:#9a6700}
    """

  static let script = """
    (function () {
      var keys = ["host", "group", "service"];
      function wanted() {
        var params = new URLSearchParams(location.hash.replace(/^#/, ""));
        var result = {};
        keys.forEach(function (key) { result[key] = params.get(key) || ""; });
        return result;
      }
      function apply() {
        var filter = wanted();
        keys.forEach(function (key) {
          var select = document.getElementById("filter-" + key);
          if (select) { select.value = filter[key]; }
        });
        var changes = document.querySelectorAll("article.change");
        var shown = 0;
        changes.forEach(function (change) {
          var ok = (!filter.host || change.dataset.hosts.indexOf(" " + filter.host + " ") >= 0)
            && (!filter.group || change.dataset.groups.indexOf(" " + filter.group + " ") >= 0)
            && (!filter.service || change.dataset.service === filter.service);
          change.hidden = !ok;
          if (ok) { shown += 1; }
        });
        document.getElementById("shown").textContent =
          shown + " of " + changes.length + " changes shown";
      }
      keys.forEach(function (key) {
        var select = document.getElementById("filter-" + key);
        if (!select) { return; }
        select.addEventListener("change", function () {
          var params = new URLSearchParams(location.hash.replace(/^#/, ""));
          if (select.value) { params.set(key, select.value); } else { params.delete(key); }
          location.hash = params.toString();
        });
      });
      window.addEventListener("hashchange", apply);
      apply();
    })();
    """
}
