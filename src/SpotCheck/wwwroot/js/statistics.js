// Draws each statistics chart from the table beside it (<div data-chart-for="TABLE-ID">), so the picture and the
// numbers can never disagree. Table attributes: data-chart (bar|line|pie), data-label-column, data-value-columns.
(function () {
    'use strict';
    if (typeof echarts === 'undefined') return;

    function number(text) {
        var n = parseFloat(String(text).replace(/[,%]/g, ''));
        return isNaN(n) ? 0 : n;
    }

    function read(table) {
        var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
        var rows = Array.prototype.map.call(table.tBodies[0].rows, function (r) {
            return Array.prototype.map.call(r.cells, function (c) { return c.textContent.trim(); });
        });
        return { headers: headers, rows: rows };
    }

    function option(type, data, label, values) {
        var categories = data.rows.map(function (r) { return r[label]; });
        if (type === 'pie') {
            return {
                tooltip: { trigger: 'item' },
                legend: { bottom: 0, type: 'scroll' },
                series: [{
                    type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
                    data: data.rows.map(function (r) { return { name: r[label], value: number(r[values[0]]) }; })
                }]
            };
        }
        return {
            tooltip: { trigger: 'axis' },
            legend: { top: 0, type: 'scroll' },
            grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
            xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
            yAxis: { type: 'value', minInterval: 1 },
            series: values.map(function (i) {
                return { name: data.headers[i], type: type, data: data.rows.map(function (r) { return number(r[i]); }) };
            })
        };
    }

    var charts = [];
    document.querySelectorAll('[data-chart-for]').forEach(function (el) {
        var table = document.getElementById(el.getAttribute('data-chart-for'));
        if (!table || !table.getAttribute('data-chart')) return;
        var values = table.getAttribute('data-value-columns').split(',').map(Number);
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(option(table.getAttribute('data-chart'), read(table), Number(table.getAttribute('data-label-column')), values));
        charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
})();
