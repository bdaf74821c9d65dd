/**
 * The page's one inline script (plain browser JavaScript, kept as text: it never runs in Node). It reads the
 * table rows from the `application/json` block, renders the first `limit` rows that match the search box
 * (test id, file or tag, case-insensitive substring), sorts on a header click, hides the rows of the
 * server-rendered tables that do not match, and stamps `data-ready-ms` (time since navigation start) on
 * `<body>` once the first render is done. It builds rows with `textContent`, never `innerHTML`: test titles
 * are user text.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('jest-perf-data').textContent);
  var table = payload.table;
  var rows = table.rows;
  var limit = payload.limit;
  var search = document.getElementById('search');
  var tbody = document.querySelector('#tests-table tbody');
  var count = document.getElementById('tests-count');
  var keys = new Array(rows.length);
  for (var i = 0; i < rows.length; i++) {
    var file = table.files[rows[i][1]];
    keys[i] = (file + ' \\u203a ' + rows[i][0] + '\\n' + file + '\\n' + rows[i][5]).toLowerCase();
  }
  var order = rows.map(function (_, index) { return index; });
  var sortColumn = 2;
  var sortDirection = -1;

  function formatMs(ms) {
    var rounded = Math.round(ms);
    return rounded < 1000 ? rounded + ' ms' : (ms / 1000).toFixed(2) + ' s';
  }
  function formatCount(n) { return n.toLocaleString('en-US'); }
  function sortValue(row, column) {
    if (column === 1) return table.files[row[1]];
    if (column === 4) return table.statuses[row[4]];
    return row[column];
  }
  function sortRows() {
    order.sort(function (a, b) {
      var x = sortValue(rows[a], sortColumn);
      var y = sortValue(rows[b], sortColumn);
      return (x < y ? -1 : x > y ? 1 : a - b) * sortDirection;
    });
  }
  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function rowElement(row) {
    var tr = document.createElement('tr');
    var file = table.files[row[1]];
    cell(tr, row[0]).title = file + ' \\u203a ' + row[0];
    cell(tr, file);
    cell(tr, formatMs(row[2]), 'num');
    cell(tr, row[3] > 0 ? formatMs(row[3]) : '', 'num');
    var status = table.statuses[row[4]];
    cell(tr, status, 'status status-' + status);
    cell(tr, row[5]);
    var verdict = cell(tr, '');
    if (row[6]) {
      var badge = document.createElement('span');
      badge.className = 'verdict ' + row[6];
      badge.textContent = row[6];
      verdict.appendChild(badge);
    }
    return tr;
  }
  function filterStaticTables(query) {
    var tables = document.querySelectorAll('table[data-filter]');
    for (var t = 0; t < tables.length; t++) {
      var trs = tables[t].tBodies[0].rows;
      var shown = 0;
      for (var r = 0; r < trs.length; r++) {
        var match = !query || trs[r].getAttribute('data-q').indexOf(query) !== -1;
        trs[r].hidden = !match;
        if (match) shown++;
      }
      var line = document.querySelector('[data-count-for="' + tables[t].id + '"]');
      if (line) line.textContent = query ? shown + ' of ' + trs.length + ' rows match' : trs.length + ' rows';
    }
  }
  function render() {
    var query = search.value.trim().toLowerCase();
    var fragment = document.createDocumentFragment();
    var matching = 0;
    var shown = 0;
    for (var k = 0; k < order.length; k++) {
      var index = order[k];
      if (query && keys[index].indexOf(query) === -1) continue;
      matching++;
      if (shown < limit) {
        fragment.appendChild(rowElement(rows[index]));
        shown++;
      }
    }
    tbody.textContent = '';
    tbody.appendChild(fragment);
    count.setAttribute('data-shown', String(shown));
    count.setAttribute('data-matching', String(matching));
    count.textContent = 'Showing ' + formatCount(shown) + ' of ' + formatCount(matching) + ' matching tests (' +
      formatCount(rows.length) + ' in total)' + (matching > shown ? '; refine the filter to see the others.' : '.');
    filterStaticTables(query);
  }

  var headers = document.querySelectorAll('#tests-table th');
  document.querySelector('#tests-table thead').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-sort]');
    if (!button) return;
    var column = Number(button.getAttribute('data-sort'));
    sortDirection = column === sortColumn ? -sortDirection : column === 2 || column === 3 ? -1 : 1;
    sortColumn = column;
    for (var h = 0; h < headers.length; h++) {
      headers[h].setAttribute('aria-sort', h !== column ? 'none' : sortDirection > 0 ? 'ascending' : 'descending');
    }
    sortRows();
    render();
  });
  search.addEventListener('input', render);
  sortRows();
  render();
  var readyMs = performance.now();
  document.body.setAttribute('data-ready-ms', readyMs.toFixed(1));
  document.getElementById('render-time').textContent = 'Rendered in ' + Math.round(readyMs) + ' ms.';
})();
`;
