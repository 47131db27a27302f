/* The explorer's behaviour. Document text is only ever put on screen with
 * textContent: nothing from the data is parsed as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("explorer-data").textContent);
  var DAY = 86400000;
  // event row: [group, start day, end day (exclusive), status, date, precision,
  //             claimant, doc, evidence, edge id, char start, char end, source, target,
  //             other sentences telling it ([text, status, date, mentions, doc, char start, char end,
  //             context]), the sentences that filled its roles, how many other mentions are not listed]
  var EVENTS = DATA.events;
  var GROUPS = DATA.groups;
  var NODES = DATA.nodes;
  var nodeById = new Map(NODES.map(function (n) { return [n.id, n]; }));
  var relIndex = new Map(DATA.relations.map(function (r) { return [r.id, r]; }));

  var $ = function (id) { return document.getElementById(id); };
  var from = $("from"), to = $("to"), within = $("within"), undated = $("undated"), generic = $("generic");
  var panel = $("panel"), stats = $("stats"), rangeLabel = $("range-label");

  function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  var dated = DATA.first !== null;
  if (dated) {
    [from, to].forEach(function (s) { s.min = DATA.first; s.max = DATA.last; });
    from.value = DATA.initial[0];
    to.value = DATA.initial[1];
  } else {  // nothing to window: show the undated events rather than an empty page
    from.disabled = to.disabled = within.disabled = true;
    undated.checked = true;
  }

  var visibleNodes = new Set();
  var nodes = new vis.DataSet(NODES);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edges = new vis.DataSet();
  var shown = new Map();  // group id -> events behind the drawn edge
  var api = { firstDrawMs: null, applyCount: 0 };

  function checked(cls) {
    var on = new Set();
    document.querySelectorAll("input." + cls).forEach(function (c) { if (c.checked) on.add(c.value); });
    return on;
  }

  function apply() {
    var lo = Number(from.value), hi = Number(to.value);
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    var hiEx = hi + 1;
    var rels = checked("relation"), sts = checked("status");
    var strict = within.checked, withUndated = undated.checked, withGeneric = generic.checked;
    shown = new Map();
    var undatedCount = 0, eventCount = 0, vagueCount = 0;
    for (var i = 0; i < EVENTS.length; i++) {
      var ev = EVENTS[i], g = GROUPS[ev[0]];
      if (!rels.has(g.relation) || !sts.has(DATA.statuses[ev[3]])) continue;
      if (!withGeneric && (nodeById.get(g.from).generic || nodeById.get(g.to).generic)) continue;
      if (ev[1] === null) {
        if (!withUndated) continue;
        undatedCount++;
      } else if (strict ? !(ev[1] >= lo && ev[2] <= hiEx) : !(ev[1] < hiEx && ev[2] > lo)) {
        continue;
      }
      if (ev[1] !== null && (ev[1] < lo || ev[2] > hiEx)) vagueCount++;  // only might fall in the window
      else eventCount++;
      var list = shown.get(ev[0]);
      if (!list) { list = []; shown.set(ev[0], list); }
      list.push(ev);
    }
    visibleNodes = new Set();
    var drawn = [], impreciseLinks = 0;
    shown.forEach(function (list, gid) {
      var g = GROUPS[gid];
      var seen = new Set(list.map(function (ev) { return DATA.statuses[ev[3]]; }));
      var vague = function (ev) { return ev[1] !== null && (ev[1] < lo || ev[2] > hiEx); };
      var spill = list.every(vague);
      if (spill) impreciseLinks++;
      var onlyDenied = seen.size > 0 && Array.from(seen).every(function (s) { return s === "denied" || s === "disputed"; });
      var faded = !seen.has("reported") && !onlyDenied;
      var color = onlyDenied ? DATA.denied_colour : g.color;
      var n = spill ? list.length : list.filter(function (ev) { return !vague(ev); }).length;
      drawn.push({
        id: gid, from: g.from, to: g.to, dashes: g.dashes, smooth: g.smooth, arrows: g.arrows,
        width: (g.highlight ? 3 : 1) + 1.5 * Math.log2(n),
        color: { color: color, highlight: color, hover: color, opacity: faded || spill ? 0.45 : 1 },
        label: onlyDenied ? Array.from(seen).sort().join("/") : (n > 1 && drawn.length < 3000 ? String(n) : undefined),
      });
      visibleNodes.add(g.from);
      visibleNodes.add(g.to);
    });
    edges.clear();
    edges.add(drawn);
    nodeView.refresh();
    rangeLabel.textContent = dated ? iso(lo) + " – " + iso(hi) : "no dated events";
    stats.dataset.links = String(drawn.length);
    stats.dataset.events = String(eventCount);
    stats.dataset.actors = String(visibleNodes.size);
    stats.dataset.imprecise = String(vagueCount);
    stats.textContent = drawn.length + " links (" + eventCount + " events" +
      (withUndated ? ", " + undatedCount + " of them undated" : "") +
      (vagueCount ? "; " + vagueCount + " more dated less precisely than the window, which only might fall in it" : "") +
      ") among " + visibleNodes.size + " actors" +
      (impreciseLinks ? "; " + impreciseLinks + " faded link(s) rest only on such dates" : "") + ".";
    api.applyCount++;
  }

  function field(dl, name, value, cls) {
    dl.appendChild(el("dt", name));
    dl.appendChild(el("dd", value === "" || value === null || value === undefined ? "—" : value, cls));
  }

  function actorName(id) { var n = nodeById.get(id); return n ? n.label : String(id); }

  function showLink(gid) {
    var g = GROUPS[gid], list = shown.get(gid) || [];
    panel.replaceChildren();
    var rel = relIndex.get(g.relation);
    panel.appendChild(el("h2", actorName(g.from) + " — " + actorName(g.to) + ": " + (rel ? rel.label : g.relation)));
    panel.appendChild(el("p", list.length + " event(s) in the current window and filters", "note"));
    list.forEach(function (ev) {
      var box = el("article", null, "event");
      var dl = el("dl");
      field(dl, "Date", ev[4] ? ev[4] + " (" + DATA.precisions[ev[5]] + ")" : "undated");
      field(dl, "Relation", actorName(ev[12]) + " " + (rel ? rel.id : g.relation) + " " + actorName(ev[13]));
      field(dl, "Status", DATA.statuses[ev[3]], "status-" + DATA.statuses[ev[3]]);
      field(dl, "Claimant", ev[6]);
      field(dl, "Document", ev[7] + (ev[10] !== null ? " (characters " + ev[10] + "–" + ev[11] + ")" : ""));
      field(dl, "Edge id", ev[9]);
      box.appendChild(dl);
      box.appendChild(el("blockquote", ev[8], "evidence"));
      if (ev[15]) {
        box.appendChild(el("p", "A role filled by the sentence(s):", "note"));
        box.appendChild(el("blockquote", ev[15], "evidence context"));
      }
      var others = ev[14] || [], more = ev[16] || 0;
      if (others.length) {
        var total = others.reduce(function (n, o) { return n + o[3]; }, 0) + more;
        box.appendChild(el("p", "Also told by " + total + " other sentence(s):", "note"));
        var ul = el("ul", null, "also-told");
        others.forEach(function (o) {
          var li = el("li");
          var where = o[4] + (o[5] !== null ? " (characters " + o[5] + "–" + o[6] + ")" : "") +
            (o[3] > 1 ? ", and word for word in " + (o[3] - 1) + " more" : "");
          li.appendChild(el("span", (o[2] || "undated") + " · " + o[1] + " · " + where, "told-where"));
          li.appendChild(el("blockquote", o[0], "evidence"));
          if (o[7]) {
            li.appendChild(el("span", "a role filled by:", "told-where"));
            li.appendChild(el("blockquote", o[7], "evidence context"));
          }
          ul.appendChild(li);
        });
        box.appendChild(ul);
        if (more) box.appendChild(el("p", "… and " + more + " more (mentions.csv lists them all).", "note"));
      }
      panel.appendChild(box);
    });
  }

  function showActor(id) {
    var n = nodeById.get(id);
    panel.replaceChildren();
    panel.appendChild(el("h2", n.name + (n.label !== n.name ? " (" + n.label + ")" : "")));
    var dl = el("dl");
    field(dl, "Kind", n.kind);
    field(dl, "Aliases", (n.aliases || []).join("; "));
    field(dl, "Id", n.actor);
    var box = el("div", null, "event");
    box.appendChild(dl);
    panel.appendChild(box);
    var counts = new Map();
    shown.forEach(function (list, gid) {
      var g = GROUPS[gid];
      if (g.from !== id && g.to !== id) return;
      var other = g.from === id ? g.to : g.from;
      var key = g.relation + " " + actorName(other);
      counts.set(key, (counts.get(key) || 0) + list.length);
    });
    panel.appendChild(el("p", visibleNodes.has(id) ? "In the current window:" : "No event of this actor in the current window and filters.", "note"));
    var ul = el("ul");
    Array.from(counts.keys()).sort().forEach(function (k) { ul.appendChild(el("li", k + " (" + counts.get(k) + ")")); });
    panel.appendChild(ul);
  }

  var byName = new Map();
  NODES.forEach(function (n) {
    [n.label, n.name, n.actor].concat(n.aliases || []).forEach(function (a) {
      if (a && !byName.has(String(a).toLowerCase())) byName.set(String(a).toLowerCase(), n.id);
    });
  });

  function search() {
    var q = $("search").value.trim().toLowerCase();
    if (!q) return;
    var id = byName.get(q);
    if (id === undefined) {
      var hits = NODES.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0 || n.label.toLowerCase().indexOf(q) >= 0; });
      if (hits.length === 1) id = hits[0].id;
    }
    if (id === undefined) {
      panel.replaceChildren(el("p", "No actor matches “" + $("search").value + "”.", "note"));
      return;
    }
    showActor(id);
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.3, animation: false });
    }
  }

  var network = new vis.Network($("network"), { nodes: nodeView, edges: edges }, DATA.options);
  network.once("afterDrawing", function () {
    api.firstDrawMs = performance.now();
    api.firstDrawLinks = edges.length;  // so a measurement can tell the first draw was the full one
    document.body.dataset.drawn = "true";
  });
  network.on("click", function (p) {
    if (p.edges.length && !p.nodes.length) showLink(p.edges[0]);
    else if (p.nodes.length) showActor(p.nodes[0]);
  });
  [from, to].forEach(function (s) { s.addEventListener("input", apply); });
  document.querySelectorAll("#controls input[type=checkbox]").forEach(function (c) { c.addEventListener("change", apply); });
  $("search").addEventListener("change", search);
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });

  function fit() { network.fit({ animation: false, maxZoomLevel: 1.6 }); }
  $("fit").addEventListener("click", fit);
  apply();
  fit();

  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.apply = apply;
  api.showLink = showLink;
  api.visibleLinks = function () { return edges.length; };
  window.actorsExplorer = api;
})();
