/* claimgraph page script: draw window.KG_DATA with vis-network.
   Tooltips become DOM nodes filled through textContent, so article text is never
   parsed as HTML, whatever the vis-network version does with string titles. */
(function () {
  "use strict";
  function tip(text) {
    var element = document.createElement("div");
    element.className = "kg-tip";
    element.textContent = text;
    return element;
  }
  function withTip(item) {
    var copy = Object.assign({}, item);
    if (typeof copy.title === "string") {
      copy.title = tip(copy.title);
    }
    return copy;
  }
  var data = window.KG_DATA;
  var options = window.KG_OPTIONS;
  var nodes = new vis.DataSet(data.nodes.map(withTip));
  var edges = new vis.DataSet(data.edges.map(withTip));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.network = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  document.body.setAttribute("data-kg-ready", "true");
})();
