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
  //             A text slot (claimant, doc, evidence, other sentences, role sentences) holding a
  //             number repeats that slot of the event with that index (an earlier one): put it back.
  var EVENTS = DATA.events;
  (function unshare(shared) {
    for (var i = 0; i < EVENTS.length; i++) {
      for (var s = 0; s < shared.length; s++) {
        var v = EVENTS[i][shared[s]];
        if (typeof v === "number") EVENTS[i][shared[s]] = EVENTS[v][shared[s]];
      }
    }
  })([6, 7, 8, 14, 15]);
  var GROUPS = DATA.groups;
  var NODES = DATA.nodes;
  var nodeById = new Map(NODES.map(function (n) { return [n.id, n]; }));
  var relIndex = new Map(DATA.relations.map(function (r) { return [r.id, r]; }));

  var PAGE = 50;  // entries a list shows at once; "show 50 more" adds the next ones
  var PERIODS = DATA.periods || [];
  // event row -> "added" (the analyst's own event) or "redated" (a text's event the analyst dated)
  var curatedOf = new Map(Object.keys(DATA.curated || {}).map(function (i) { return [EVENTS[Number(i)], DATA.curated[i]]; }));
  var CURATION_NOTE = { added: "analyst's addition", redated: "date set by the analyst" };

  var $ = function (id) { return document.getElementById(id); };
  var from = $("from"), to = $("to"), within = $("within"), undated = $("undated"), generic = $("generic");
  var fromDate = $("from-date"), toDate = $("to-date"), playButton = $("play");
  var panel = $("panel"), stats = $("stats"), rangeLabel = $("range-label");

  function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function dayOf(text) {  // "YYYY-MM-DD" -> day number, or null
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) return null;
    var t = Date.parse(text + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY);
  }
  function clampDay(d) { return Math.max(DATA.first, Math.min(DATA.last, d)); }
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
    from.disabled = to.disabled = within.disabled = fromDate.disabled = toDate.disabled = playButton.disabled = true;
    undated.checked = true;
  }
  if (dated) {
    fromDate.min = toDate.min = iso(DATA.first);
    fromDate.max = toDate.max = iso(DATA.last);
  }

  var visibleNodes = new Set();
  var nodes = new vis.DataSet(NODES);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edges = new vis.DataSet();
  var shown = new Map();  // group id -> events behind the drawn edge
  var drawnSig = new Map();  // group id -> what its drawn edge looks like (width, colour, opacity, label)
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
    // Only the links that appear, go or change are handed to vis-network: a small move of the
    // window leaves most of them as they were, and rebuilding thousands of them is what costs.
    var next = new Map(), gone = [], fresh = [];
    drawn.forEach(function (d) {
      var sig = d.width + "|" + d.color.color + "|" + d.color.opacity + "|" + d.label;
      next.set(d.id, sig);
      var was = drawnSig.get(d.id);
      if (was === sig) return;
      if (was !== undefined) gone.push(d.id);
      fresh.push(d);
    });
    drawnSig.forEach(function (sig, id) { if (!next.has(id)) gone.push(id); });
    drawnSig = next;
    if (gone.length) edges.remove(gone);
    if (fresh.length) edges.add(fresh);
    nodeView.refresh();
    rangeLabel.textContent = dated ? iso(lo) + " – " + iso(hi) : "no dated events";
    if (dated) {
      fromDate.value = iso(lo);
      toDate.value = iso(hi);
      markPreset(lo, hi);
    }
    scheduleHash();
    stats.dataset.links = String(drawn.length);
    stats.dataset.events = String(eventCount);
    stats.dataset.actors = String(visibleNodes.size);
    stats.dataset.imprecise = String(vagueCount);
    stats.textContent = drawn.length + " links (" + eventCount + " events" +
      (withUndated ? ", " + undatedCount + " of them undated" : "") +
      (vagueCount ? "; " + vagueCount + " more dated less precisely than the window, which only might fall in it" : "") +
      ") among " + visibleNodes.size + " actors" +
      (impreciseLinks ? "; " + impreciseLinks + " faded link(s) rest only on such dates" : "") + ".";
    // An open link or actor is shown again for the new window (its lists start from their first page).
    if (panelShows) (panelShows[0] === "link" ? showLink : showActor)(panelShows[1]);
    api.applyCount++;
  }

  function field(dl, name, value, cls) {
    dl.appendChild(el("dt", name));
    dl.appendChild(el("dd", value === "" || value === null || value === undefined ? "—" : value, cls));
  }

  function actorName(id) { var n = nodeById.get(id); return n ? n.label : String(id); }

  // A long list shown PAGE entries at a time: a button adds the next ones, so no click
  // builds more than a page's worth of elements however many entries there are.
  function paged(parent, items, render, listTag, listClass) {
    var list = el(listTag || "div", null, listClass);
    var more = el("button", null, "more");
    more.type = "button";
    var done = 0;
    function next() {
      var stop = Math.min(items.length, done + PAGE), frag = document.createDocumentFragment();
      for (; done < stop; done++) frag.appendChild(render(items[done], done));
      list.appendChild(frag);
      var left = items.length - done;
      more.textContent = "show " + Math.min(PAGE, left) + " more (" + left + " not shown yet)";
      more.hidden = left === 0;
    }
    more.addEventListener("click", next);
    parent.appendChild(list);
    parent.appendChild(more);
    next();
    return list;
  }

  function curationBadge(ev) {
    var mark = curatedOf.get(ev);
    return mark ? el("span", CURATION_NOTE[mark], "badge curation-" + mark) : null;
  }

  function renderEvent(ev, rel, g) {
    var box = el("article", null, "event");
    var badge = curationBadge(ev);
    if (badge) box.appendChild(badge);
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
    return box;
  }

  var panelShows = null;  // ["link", group id] or ["actor", node id]: what the panel tells, kept up to date

  function showLink(gid) {
    var g = GROUPS[gid], list = shown.get(gid) || [];
    panelShows = ["link", gid];
    panel.replaceChildren();
    var rel = relIndex.get(g.relation);
    panel.appendChild(el("h2", actorName(g.from) + " — " + actorName(g.to) + ": " + (rel ? rel.label : g.relation)));
    panel.appendChild(el("p", list.length + " event(s) in the current window and filters" +
      (list.length > PAGE ? ", listed " + PAGE + " at a time" : ""), "note"));
    paged(panel, list, function (ev) { return renderEvent(ev, rel, g); }, "div", "events");
  }

  function byDate(a, b) {  // undated last; then by start day, then by edge id (a stable order)
    var x = a[1] === null ? Infinity : a[1], y = b[1] === null ? Infinity : b[1];
    return x - y || (a[9] < b[9] ? -1 : a[9] > b[9] ? 1 : 0);
  }

  // A strip of bars, one per year, as tall as the actor's events that year (numbers only, no text from the data).
  function yearStrip(evs) {
    var years = new Map();
    evs.forEach(function (ev) {
      if (ev[1] === null) return;
      var y = Number(iso(ev[1]).slice(0, 4));
      years.set(y, (years.get(y) || 0) + 1);
    });
    if (!years.size) return null;
    var ys = Array.from(years.keys()), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var top = Math.max.apply(null, Array.from(years.values()));
    var strip = el("div", null, "strip");
    strip.setAttribute("role", "img");
    strip.setAttribute("aria-label", "events per year, " + y0 + " to " + y1);
    for (var y = y0; y <= y1; y++) {
      var n = years.get(y) || 0, bar = el("span", null, "bar");
      bar.style.height = (n ? Math.max(2, Math.round(28 * n / top)) : 0) + "px";
      bar.title = y + ": " + n + " event(s)";
      strip.appendChild(bar);
    }
    var axis = el("div", null, "strip-axis");
    axis.appendChild(el("span", y0));
    if (y1 !== y0) axis.appendChild(el("span", y1));
    var box = el("div", null, "timeline");
    box.appendChild(strip);
    box.appendChild(axis);
    return box;
  }

  function actorEvents(id) {
    var evs = [];
    shown.forEach(function (list, gid) {
      var g = GROUPS[gid];
      if (g.from === id || g.to === id) for (var i = 0; i < list.length; i++) evs.push(list[i]);
    });
    return evs;
  }

  function showActor(id) {
    var n = nodeById.get(id);
    panelShows = ["actor", id];
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
    paged(panel, Array.from(counts.keys()).sort(), function (k) { return el("li", k + " (" + counts.get(k) + ")"); }, "ul", "relations-of");
    var evs = actorEvents(id).sort(byDate);
    if (!evs.length) return;
    panel.appendChild(el("h3", "Its events, by date (" + evs.length + ")"));
    var strip = yearStrip(evs);
    if (strip) panel.appendChild(strip);
    paged(panel, evs, function (ev) {
      var g = GROUPS[ev[0]], rel = relIndex.get(g.relation);
      var li = el("li", null, "timeline-event");
      li.appendChild(el("span", ev[4] || "undated", "when"));
      li.appendChild(document.createTextNode(" " + actorName(ev[12]) + " " + (rel ? rel.id : g.relation) + " " +
        actorName(ev[13]) + " · " + DATA.statuses[ev[3]] + " "));
      var badge = curationBadge(ev);
      if (badge) li.appendChild(badge);
      var open = el("button", "events of this link", "open-link");
      open.type = "button";
      open.addEventListener("click", function () { showLink(ev[0]); });
      li.appendChild(open);
      return li;
    }, "ol", "actor-timeline");
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
      panelShows = null;
      panel.replaceChildren(el("p", "No actor matches “" + $("search").value + "”.", "note"));
      return;
    }
    showActor(id);
    if (visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.3, animation: false });
    }
  }

  // -- hover tooltips: DOM elements built with textContent, made when the pointer arrives ----------

  function tip(lines) {
    var box = el("div", null, "tip");
    lines.forEach(function (line, i) { box.appendChild(el("div", line, i ? null : "tip-head")); });
    return box;
  }

  function linkTip(gid) {
    var g = GROUPS[gid], list = shown.get(gid) || [], rel = relIndex.get(g.relation);
    var lo = Infinity, hi = -Infinity, undatedN = 0;
    list.forEach(function (ev) {
      if (ev[1] === null) { undatedN++; return; }
      if (ev[1] < lo) lo = ev[1];
      if (ev[2] - 1 > hi) hi = ev[2] - 1;
    });
    var lines = [rel ? rel.label : g.relation, actorName(g.from) + " — " + actorName(g.to),
                 list.length + " event(s) in the window"];
    if (lo <= hi) lines.push(lo === hi ? iso(lo) : iso(lo) + " – " + iso(hi));
    if (undatedN) lines.push(undatedN + " undated");
    return tip(lines);
  }

  function actorTip(id) {
    var n = nodeById.get(id);
    return tip([n.name + (n.label !== n.name ? " (" + n.label + ")" : ""), n.kind,
                actorEvents(id).length + " event(s) in the window"]);
  }

  // -- the time axis: dated ticks, date fields, presets, play ---------------------------------------

  function setWindow(lo, hi, keepPlaying) {
    if (!dated) return;
    if (!keepPlaying) stopPlay();
    from.value = clampDay(lo);
    to.value = clampDay(hi);
    apply();
  }

  function drawTicks() {
    if (!dated) return;
    var span = DATA.last - DATA.first;
    var y0 = Number(iso(DATA.first).slice(0, 4)), m0 = Number(iso(DATA.first).slice(5, 7)) - 1;
    var steps = [1, 3, 6, 12, 24, 60, 120, 240], step = steps[steps.length - 1], months = Math.ceil(span / 30.44) + 1;
    for (var s = 0; s < steps.length; s++) if (months / steps[s] <= 4) { step = steps[s]; break; }
    document.querySelectorAll(".ticks").forEach(function (row) {
      row.replaceChildren();
      // first tick: the first month boundary (or year, for steps of a year or more) at or after the first day
      var m = Math.ceil((y0 * 12 + m0) / step) * step;
      for (; ; m += step) {
        var y = Math.floor(m / 12), mm = m % 12;
        var d = Math.round(Date.UTC(y, mm, 1) / DAY);
        if (d > DATA.last) break;
        if (d < DATA.first) continue;
        var t = el("span", step >= 12 ? String(y) : y + "-" + String(mm + 1).padStart(2, "0"), "tick");
        t.style.left = (span ? 100 * (d - DATA.first) / span : 0).toFixed(2) + "%";
        row.appendChild(t);
      }
    });
  }

  var presetButtons = [];
  function periodWindow(p) {  // the period's days inside the page's dates, or null when none is
    if (!dated) return null;
    var lo = p.start, hi = p.end === null ? DATA.last : p.end - 1;
    if (hi < DATA.first || lo > DATA.last) return null;
    return [clampDay(lo), clampDay(hi)];
  }
  function buildPresets() {
    var box = $("presets");
    var all = el("button", "all dates", "preset");
    all.type = "button";
    all.dataset.period = "";
    all.addEventListener("click", function () { setWindow(DATA.first, DATA.last); });
    presetButtons.push([all, dated ? [DATA.first, DATA.last] : null]);
    PERIODS.forEach(function (p) {
      var b = el("button", p.label, "preset");
      b.type = "button";
      b.dataset.period = p.id;
      var w = periodWindow(p);
      b.title = iso(p.start) + " – " + (p.end === null ? "…" : iso(p.end - 1)) + (w ? "" : " (no date of this page falls in it)");
      if (!w) b.disabled = true;
      else b.addEventListener("click", function () { setWindow(w[0], w[1]); });
      presetButtons.push([b, w]);
    });
    presetButtons.forEach(function (pb) { box.appendChild(pb[0]); });
    if (!dated) all.disabled = true;
  }
  function markPreset(lo, hi) {
    presetButtons.forEach(function (pb) {
      pb[0].setAttribute("aria-pressed", String(!!pb[1] && pb[1][0] === lo && pb[1][1] === hi));
    });
  }

  var playTimer = null, playSteps = [], playAt = 0;
  function stopPlay() {
    if (playTimer !== null) clearInterval(playTimer);
    playTimer = null;
    playButton.textContent = "▶ play";
    playButton.setAttribute("aria-pressed", "false");
  }
  function stepsToPlay() {  // the named periods this page has events in, else its years
    var steps = presetButtons.slice(1).map(function (pb) { return pb[1]; }).filter(Boolean);
    if (steps.length) return steps;
    var y0 = Number(iso(DATA.first).slice(0, 4)), y1 = Number(iso(DATA.last).slice(0, 4));
    for (var y = y0; y <= y1; y++) {
      steps.push([clampDay(Math.round(Date.UTC(y, 0, 1) / DAY)), clampDay(Math.round(Date.UTC(y + 1, 0, 1) / DAY) - 1)]);
    }
    return steps;
  }
  function playStep() {
    if (playAt >= playSteps.length) { stopPlay(); return; }
    var w = playSteps[playAt++];
    setWindow(w[0], w[1], true);
  }
  function togglePlay() {
    if (playTimer !== null) { stopPlay(); return; }
    playSteps = stepsToPlay();
    playAt = 0;
    playButton.textContent = "■ stop";
    playButton.setAttribute("aria-pressed", "true");
    playTimer = setInterval(playStep, api.playMs);
    playStep();
  }
  api.playMs = 1500;

  // -- the view in the URL fragment: #from=…&to=…&rel=…&st=…&within=1&undated=1&generic=1 --------------

  function fragment() {
    var parts = [];
    if (dated) parts.push("from=" + fromDate.value, "to=" + toDate.value);
    parts.push("rel=" + Array.from(checked("relation")).join(","), "st=" + Array.from(checked("status")).join(","));
    [["within", within], ["undated", undated], ["generic", generic]].forEach(function (f) {
      if (f[1].checked && !f[1].disabled) parts.push(f[0] + "=1");
    });
    return "#" + parts.join("&");
  }
  var hashTimer = null, hashReady = false;
  function scheduleHash() {
    if (!hashReady) return;  // the page's first state is not written: an unshared view keeps a clean address
    if (hashTimer !== null) clearTimeout(hashTimer);
    hashTimer = setTimeout(function () {
      hashTimer = null;
      var h = fragment();
      if (h === location.hash) return;
      try { history.replaceState(null, "", h); } catch (e) { /* a sandboxed frame may refuse: the view still works */ }
    }, 200);
  }
  function readHash() {  // true when the fragment set something
    var h = location.hash.replace(/^#/, "");
    if (!h) return false;
    var q = new Map();
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) {
        try { q.set(kv.slice(0, i), decodeURIComponent(kv.slice(i + 1))); } catch (e) { /* ignore a broken part */ }
      }
    });
    if (dated) {
      var a = dayOf(q.get("from")), b = dayOf(q.get("to"));
      if (a !== null) from.value = clampDay(a);
      if (b !== null) to.value = clampDay(b);
    }
    [["rel", "relation"], ["st", "status"]].forEach(function (p) {
      if (!q.has(p[0])) return;
      var on = new Set(q.get(p[0]).split(",").filter(Boolean));
      document.querySelectorAll("input." + p[1]).forEach(function (c) { c.checked = on.has(c.value); });
    });
    var whole = q.has("from") || q.has("rel") || q.has("st");  // a whole view: a switch it leaves out is off
    [["within", within], ["undated", undated], ["generic", generic]].forEach(function (f) {
      if (!f[1].disabled && (whole || q.has(f[0]))) f[1].checked = q.get(f[0]) === "1";
    });
    return true;
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
  // vis-network shows an item's title after the tooltip delay: it is set when the pointer arrives,
  // so it tells the current window's counts, and no element is built for an item nobody points at.
  network.on("hoverEdge", function (p) { if (edges.get(p.edge)) edges.update({ id: p.edge, title: linkTip(p.edge) }); });
  network.on("hoverNode", function (p) { nodes.update({ id: p.node, title: actorTip(p.node) }); });
  [from, to].forEach(function (s) { s.addEventListener("input", function () { stopPlay(); apply(); }); });
  [[fromDate, from], [toDate, to]].forEach(function (pair) {
    pair[0].addEventListener("change", function () {
      var d = dayOf(pair[0].value);
      if (d === null) return;
      stopPlay();
      pair[1].value = clampDay(d);
      apply();
    });
  });
  playButton.addEventListener("click", togglePlay);
  document.querySelectorAll("#controls input[type=checkbox]").forEach(function (c) { c.addEventListener("change", apply); });
  $("search").addEventListener("change", search);
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  window.addEventListener("hashchange", function () { if (location.hash !== fragment() && readHash()) apply(); });

  function fit() { network.fit({ animation: false, maxZoomLevel: 1.6 }); }
  $("fit").addEventListener("click", fit);
  buildPresets();
  drawTicks();
  readHash();
  apply();
  hashReady = true;
  fit();

  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.apply = apply;
  api.showLink = showLink;
  api.showActor = showActor;
  api.setWindow = setWindow;
  api.togglePlay = togglePlay;
  api.fragment = fragment;
  api.linkTip = linkTip;
  api.actorTip = actorTip;
  api.visibleLinks = function () { return edges.length; };
  window.actorsExplorer = api;
})();
