/* claimgraph page script: draw window.KG_DATA with vis-network, and run the controls:
   the search box, the details panel, the time slider and "show all".
   Every piece of article text (names, quotes, sentences, titles) becomes a DOM text
   node through textContent, never HTML, whatever the vis-network version does with
   string titles. */
(function () {
  "use strict";
  var SETTLE_MS = 3000; // physics runs at most this long after the stabilisation
  var PANEL_LIMIT = 60; // claims listed in the details panel of an actor
  var data = window.KG_DATA;
  var options = window.KG_OPTIONS;
  var claims = data.claims || {};
  var days = data.days || [];

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = String(text);
    }
    return element;
  }
  function withTip(item) {
    var copy = Object.assign({}, item);
    if (typeof copy.title === "string") {
      copy.title = el("div", "kg-tip", copy.title);
    }
    return copy;
  }

  var nodes = new vis.DataSet(data.nodes.map(withTip));
  var edges = new vis.DataSet(data.edges.map(withTip));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.network = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;

  var nodeById = {};
  var edgeById = {};
  var edgesOf = {};
  data.nodes.forEach(function (n) {
    nodeById[n.id] = n;
    edgesOf[n.id] = [];
  });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    edgesOf[e.from].push(e.id);
    edgesOf[e.to].push(e.id);
  });

  // ---- physics off once the layout is stable --------------------------------------
  var settled = false;
  function settle() {
    if (settled) {
      return;
    }
    settled = true;
    if (data.physics) {
      network.setOptions({ physics: { enabled: false } });
    }
    document.body.setAttribute("data-kg-settled", "true");
  }
  if (data.physics) {
    network.once("stabilized", settle);
    network.once("stabilizationIterationsDone", function () {
      window.setTimeout(settle, SETTLE_MS);
    });
  } else {
    settle();
  }

  // ---- panning and zooming a large view: move a picture of it ----------------------
  // Drawing thousands of actors takes longer than a frame, so while the view is
  // dragged or zoomed the page shows a copy of the last drawing (a second canvas,
  // moved and scaled by a CSS transform) and vis-network draws neither nodes nor
  // edges (its hideNodesOnDrag and hideEdgesOnDrag, set per gesture); the real
  // drawing comes back when the gesture ends.
  var ZOOM_END_MS = 300;
  var renderer = network.renderer;
  var picture = null;
  var lastDrawn = null;
  var zoomTimer = null;
  function shownActors() {
    return data.nodes.filter(function (n) { return !n.hidden; }).length;
  }
  network.on("afterDrawing", function () {
    if (!picture) {
      lastDrawn = { scale: network.getScale(), position: network.getViewPosition() };
    }
  });
  function startPicture() {
    if (picture || !lastDrawn || shownActors() <= data.snapshotAbove) {
      return !!picture;
    }
    var source = container.querySelector("canvas");
    picture = document.createElement("canvas");
    picture.className = "kg-snapshot";
    picture.width = source.width;
    picture.height = source.height;
    picture.style.width = source.clientWidth + "px";
    picture.style.height = source.clientHeight + "px";
    picture.getContext("2d").drawImage(source, 0, 0);
    picture.kgView = lastDrawn;
    source.parentNode.appendChild(picture);
    renderer.options.hideNodesOnDrag = true;
    return true;
  }
  function movePicture() {
    // A canvas point c is drawn at (c - view) * scale + centre: the picture, drawn at
    // the old view and scale, moves by a translation and a scale from its corner.
    var scale = network.getScale();
    var view = network.getViewPosition();
    var old = picture.kgView;
    var k = scale / old.scale;
    var cx = picture.clientWidth / 2;
    var cy = picture.clientHeight / 2;
    var tx = cx * (1 - k) + (old.position.x - view.x) * scale;
    var ty = cy * (1 - k) + (old.position.y - view.y) * scale;
    picture.style.transform = "translate(" + tx + "px, " + ty + "px) scale(" + k + ")";
  }
  function endPicture() {
    if (picture) {
      picture.parentNode.removeChild(picture);
      picture = null;
      renderer.options.hideNodesOnDrag = false;
      network.redraw();
    }
  }
  network.on("dragStart", function (params) {
    if (!params.nodes.length) {
      startPicture();
    }
  });
  network.on("dragging", function () {
    if (picture) {
      movePicture();
    }
  });
  network.on("dragEnd", endPicture);
  network.on("zoom", function () {
    if (!startPicture()) {
      return;
    }
    renderer.dragging = true; // vis-network hides what hideNodesOnDrag names only in a drag
    movePicture();
    window.clearTimeout(zoomTimer);
    zoomTimer = window.setTimeout(function () {
      renderer.dragging = false;
      endPicture();
    }, ZOOM_END_MS);
  });

  // ---- the time range -------------------------------------------------------------
  var fromInput = document.getElementById("kg-from");
  var toInput = document.getElementById("kg-to");
  var rangeLabel = document.getElementById("kg-range-label");
  var range = { lo: null, hi: null, full: true };
  function inRange(claim) {
    if (range.full) {
      return true;
    }
    // A claim covers from..to; `to` is left out when it is one day.
    var last = claim && (claim.to || claim.from);
    return !!(claim && claim.from && last >= range.lo && claim.from <= range.hi);
  }
  function applyRange() {
    var a = Number(fromInput.value);
    var b = Number(toInput.value);
    var lo = Math.min(a, b);
    var hi = Math.max(a, b);
    range = { lo: days[lo], hi: days[hi], full: lo === 0 && hi === days.length - 1 };
    rangeLabel.textContent =
      range.lo + " to " + range.hi + (range.full ? " (all dates, undated too)" : "");
    var updates = [];
    data.edges.forEach(function (e) {
      var hidden = !e.claims.some(function (id) {
        return inRange(claims[id]);
      });
      if (hidden !== !!e.kgOutOfRange) {
        e.kgOutOfRange = hidden;
        updates.push({ id: e.id, hidden: hidden });
      }
    });
    if (updates.length) {
      edges.update(updates);
    }
    refreshPanel();
  }
  if (days.length) {
    fromInput.max = toInput.max = String(days.length - 1);
    fromInput.value = "0";
    toInput.value = String(days.length - 1);
    fromInput.addEventListener("input", applyRange);
    toInput.addEventListener("input", applyRange);
    rangeLabel.textContent = days[0] + " to " + days[days.length - 1];
  } else {
    document.getElementById("kg-time").textContent = "No dated claims";
  }
  window.kgSetRange = function (lo, hi) {
    fromInput.value = String(days.indexOf(lo));
    toInput.value = String(days.indexOf(hi));
    applyRange();
  };

  // ---- "show all" and revealing actors ---------------------------------------------
  var showAll = document.getElementById("kg-show-all");
  function reveal(ids) {
    var updates = [];
    ids.forEach(function (id) {
      if (nodeById[id] && nodeById[id].hidden) {
        nodeById[id].hidden = false;
        updates.push({ id: id, hidden: false });
      }
    });
    if (updates.length) {
      nodes.update(updates);
    }
  }
  window.kgShowAll = function () {
    reveal(Object.keys(nodeById));
    if (showAll) {
      showAll.hidden = true;
    }
  };
  if (showAll) {
    showAll.addEventListener("click", window.kgShowAll);
  }

  // ---- the details panel -----------------------------------------------------------
  var details = document.getElementById("details");
  var pinned = null;
  function resized() {
    // The panel takes room from the canvas: let vis-network measure it again now.
    window.dispatchEvent(new Event("resize"));
  }
  function clearPanel(title) {
    while (details.firstChild) {
      details.removeChild(details.firstChild);
    }
    var close = el("button", "kg-close", "×");
    close.type = "button";
    close.title = "Close";
    close.addEventListener("click", function () {
      pinned = null;
      details.hidden = true;
      details.removeAttribute("data-kg-showing");
      resized();
    });
    details.appendChild(close);
    details.appendChild(el("h2", null, title));
    if (details.hidden) {
      details.hidden = false;
      resized();
    }
  }
  function dateText(c) {
    if (c.event_date) {
      return "event " + c.event_date + (c.date ? " (article " + c.date + ")" : "");
    }
    return c.date ? c.date : "undated";
  }
  function disputeItem(label, other) {
    var box = el("div", "kg-dispute");
    box.appendChild(el("strong", null, label + ": "));
    if (!other) {
      box.appendChild(el("span", null, "(a claim outside this page)"));
      return box;
    }
    box.appendChild(el("span", "kg-said", other.quote ? "“" + other.quote + "”" : other.text));
    var who = [other.speaker || other.subject, other.document, dateText(other)];
    box.appendChild(el("div", "kg-meta", who.filter(Boolean).join(" · ")));
    return box;
  }
  function claimItem(id) {
    var c = claims[id];
    var item = el("li", "kg-claim");
    item.setAttribute("data-claim", id);
    if (!c) {
      item.textContent = "(claim " + id + ")";
      return item;
    }
    if (c.quote) {
      item.appendChild(el("div", "kg-said", "“" + c.quote + "”"));
    }
    item.appendChild(el("div", "kg-sentence", c.text));
    var meta = [c.subject + " " + c.relation + (c.object ? " " + c.object : "")];
    if (c.speaker && c.speaker !== c.subject) { // left out when it is the subject
      meta.push("said by " + c.speaker);
    }
    meta.push(c.document || "unknown document", dateText(c));
    if (c.polarity && c.polarity !== "affirmed") {
      meta.push(c.polarity);
    }
    if (c.modality && c.modality !== "asserted") {
      meta.push(c.modality);
    }
    if (typeof c.confidence === "number") {
      meta.push("confidence " + c.confidence.toFixed(2));
    }
    if (c.sources) {
      meta.push(c.sources + " independent source" + (c.sources === 1 ? "" : "s"));
    }
    item.appendChild(el("div", "kg-meta", meta.join(" · ")));
    (c.answered_by || []).forEach(function (other) {
      item.appendChild(disputeItem("Answered by", claims[other]));
    });
    (c.answers || []).forEach(function (other) {
      item.appendChild(disputeItem("Answers", claims[other]));
    });
    return item;
  }
  function claimList(ids, budget) {
    var list = el("ul");
    var shown = 0;
    var outside = 0;
    ids.forEach(function (id) {
      if (!inRange(claims[id])) {
        outside += 1;
      } else if (shown < budget) {
        list.appendChild(claimItem(id));
        shown += 1;
      }
    });
    return { list: list, shown: shown, outside: outside };
  }
  function addClaims(ids, total, budget) {
    var part = claimList(ids, budget);
    details.appendChild(part.list);
    var notes = [];
    if (part.outside) {
      notes.push(part.outside + " outside the time range");
    }
    var more = total - part.outside - part.shown;
    if (more > 0) {
      notes.push(more + " more not listed (kg claims lists them all)");
    }
    if (notes.length) {
      details.appendChild(el("div", "kg-more", notes.join("; ")));
    }
    return part.shown;
  }
  function edgeHeading(e) {
    var source = nodeById[e.from].label;
    var target = nodeById[e.to].label;
    return source + " —" + e.relation + "→ " + target;
  }
  function edgeFacts(e) {
    var facts = [e.count + " claim" + (e.count === 1 ? "" : "s"), e.family];
    if (e.documents) {
      facts.push(e.documents + " document" + (e.documents === 1 ? "" : "s"));
    }
    if (e.sources) {
      facts.push(e.sources + " independent source" + (e.sources === 1 ? "" : "s"));
    }
    return facts.join(" · ");
  }
  function showEdge(id) {
    var e = edgeById[id];
    pinned = { kind: "edge", id: id };
    clearPanel(edgeHeading(e));
    details.setAttribute("data-kg-showing", "edge:" + id);
    details.appendChild(el("div", "kg-facts", edgeFacts(e)));
    if (e.contested) {
      details.appendChild(
        el("div", "kg-facts kg-contested-note", "Contested: a claim here is answered by another")
      );
    }
    addClaims(e.claims, e.count, e.claims.length);
  }
  function showNode(id) {
    var n = nodeById[id];
    pinned = { kind: "node", id: id };
    clearPanel(n.label);
    details.setAttribute("data-kg-showing", "node:" + id);
    var facts = [n.type, n.value + " claim" + (n.value === 1 ? "" : "s")];
    if (n.wikidata) {
      facts.push("Wikidata " + n.wikidata);
    }
    details.appendChild(el("div", "kg-facts", facts.join(" · ")));
    if (n.aliases && n.aliases.length) {
      details.appendChild(el("div", "kg-facts", "Also: " + n.aliases.join(", ")));
    }
    if (n.roles && n.roles.length) {
      details.appendChild(el("div", "kg-facts", "Roles: " + n.roles.join("; ")));
    }
    var budget = PANEL_LIMIT;
    [
      ["Claims made", function (e) { return e.from === id; }],
      ["Claims received", function (e) { return e.to === id && e.from !== id; }],
    ].forEach(function (part) {
      var own = edgesOf[id].map(function (eid) { return edgeById[eid]; }).filter(part[1]);
      if (!own.length) {
        return;
      }
      details.appendChild(el("h2", null, part[0]));
      own.sort(function (a, b) { return b.count - a.count; });
      own.forEach(function (e) {
        var heading = el("h3", null, edgeHeading(e) + " (" + edgeFacts(e) + ")");
        if (e.contested) {
          heading.appendChild(el("span", "kg-contested-note", " contested"));
        }
        details.appendChild(heading);
        budget -= addClaims(e.claims, e.count, Math.max(budget, 1));
      });
    });
    if (n.own_claims && n.own_claims.length) {
      details.appendChild(el("h2", null, "Said with no target"));
      addClaims(n.own_claims, n.own_claims.length, Math.max(budget, 1));
    }
  }
  function refreshPanel() {
    if (pinned && pinned.kind === "node") {
      showNode(pinned.id);
    } else if (pinned && pinned.kind === "edge") {
      showEdge(pinned.id);
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    }
  });
  window.kgShowNode = showNode;
  window.kgShowEdge = showEdge;

  // ---- the search box --------------------------------------------------------------
  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  var names = document.getElementById("kg-names");
  var byName = {};
  function addName(name, id, aliasOf) {
    var key = String(name || "").trim().toLowerCase();
    if (!key) {
      return;
    }
    var ids = byName[key] || (byName[key] = []);
    if (ids.indexOf(id) < 0) {
      ids.push(id);
      var option = el("option");
      option.value = String(name);
      option.label = aliasOf ? "alias of " + aliasOf : nodeById[id].type;
      names.appendChild(option);
    }
  }
  data.nodes.forEach(function (n) {
    addName(n.label, n.id, null);
  });
  data.nodes.forEach(function (n) {
    (n.aliases || []).forEach(function (alias) {
      addName(alias, n.id, n.label);
    });
  });
  function findActor(text) {
    var key = String(text || "").trim().toLowerCase();
    if (!key) {
      return null;
    }
    if (byName[key]) {
      return byName[key][0];
    }
    var keys = Object.keys(byName);
    var hit = keys.filter(function (k) { return k.indexOf(key) === 0; })[0] ||
      keys.filter(function (k) { return k.indexOf(key) >= 0; })[0];
    return hit ? byName[hit][0] : null;
  }
  function focusActor(id) {
    var around = [id];
    edgesOf[id].forEach(function (eid) {
      around.push(edgeById[eid].from, edgeById[eid].to);
    });
    reveal(around);
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: { duration: 400, easingFunction: "easeInOutQuad" },
    });
    showNode(id);
    document.body.setAttribute("data-kg-focus", id);
  }
  function runSearch() {
    var id = findActor(search.value);
    if (id === null) {
      status.textContent = search.value.trim() ? "no actor named “" + search.value + "”" : "";
      return;
    }
    status.textContent = "";
    focusActor(id);
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      runSearch();
    }
  });
  window.kgFocus = function (text) {
    search.value = text;
    runSearch();
  };

  document.body.setAttribute("data-kg-ready", "true");
})();
