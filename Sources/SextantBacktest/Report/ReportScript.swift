/// The report's script, inlined in its last `<script>` element. It reads the JSON of `#sextant-data`
/// (`ReportSeries`, `ReportTrades`) and draws the stacked charts on canvases sharing one time axis:
/// price (candles when there is room for them, else the close inside the high–low band) with every
/// entry and exit, equity, drawdown, trade returns and volume. Hovering shows a crosshair and the
/// values under it, dragging zooms, a double click resets, a click on a trade row zooms onto the
/// trade. When done it sets `data-report-ready` on `<body>`, which `scripts/check-report.sh` checks.
///
/// Hand-written ES5 without libraries, so the file works offline in any browser of the last decade.
enum ReportScript {
    static let source = #"""
        // Sextant backtest report: draws the charts from the JSON in #sextant-data on canvases.
        // Hand-written, no libraries, nothing loaded: the file must work offline and stay small.
        (function () {
          'use strict';
          var D = JSON.parse(document.getElementById('sextant-data').textContent);
          var N = D.n, B = D.x.length;
          var host = document.getElementById('charts');
          var tip = document.getElementById('tip');
          var rangeLabel = document.getElementById('range');
          var resetButton = document.getElementById('reset');
          var C = {
            up: '#26a69a', down: '#ef5350', close: '#334155', band: 'rgba(100,116,139,0.20)',
            grid: '#eef2f6', text: '#64748b', title: '#0f172a', frame: '#cbd5e1',
            long: '#2563eb', short: '#f59e0b', win: '#16a34a', loss: '#dc2626', open: '#64748b',
            equity: '#2563eb', equityFill: 'rgba(37,99,235,0.10)', equityBand: 'rgba(37,99,235,0.25)',
            dd: '#dc2626', peak: '#0ea5e9', ddFill: 'rgba(220,38,38,0.16)', warm: 'rgba(148,163,184,0.16)',
            focus: 'rgba(250,204,21,0.18)', cross: 'rgba(15,23,42,0.35)', select: 'rgba(37,99,235,0.12)'
          };
          var FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
          var BOLD = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
          var M = { l: 70, r: 16, t: 24, b: 6 }, AXIS = 22;
          var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
          var view = { a: 0, b: Math.max(N, 1) };
          var focus = null, drag = null, width = 0, dpr = 1;

          // ---- data helpers ----------------------------------------------------------------------------
          function end(i) { return i + 1 < B ? D.x[i + 1] : N; }
          function center(i) { return (D.x[i] + end(i)) / 2; }
          function bucketOf(bar) {
            var lo = 0, hi = B - 1;
            while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (D.x[mid] <= bar) lo = mid; else hi = mid - 1; }
            return lo;
          }
          function ok(v) { return v !== null && v !== undefined && isFinite(v); }
          var trades = D.trades.map(function (r) {
            return { n: r[0], eb: r[1], xb: r[2], et: r[3], xt: r[4], ep: r[5], xp: r[6], size: r[7], pnl: r[8],
              ret: r[9], reason: r[10] === null ? '' : D.reasons[r[10]], open: r[11] === 1 };
          });
          var maxAbsPnl = trades.reduce(function (m, t) { return ok(t.pnl) ? Math.max(m, Math.abs(t.pnl)) : m; }, 0);
          var eqHi = D.eqHi || D.eq, eqLo = D.eqLo || D.eq;
          // The equity peak, the deepest drawdown and the final equity, marked on the equity chart.
          var peak = -1, deepest = -1, last = -1;
          for (var k = 0; k < B; k++) {
            if (ok(eqHi[k]) && (peak < 0 || eqHi[k] > eqHi[peak])) peak = k;
            if (ok(D.dd[k]) && (deepest < 0 || D.dd[k] > D.dd[deepest])) deepest = k;
            if (ok(D.eq[k])) last = k;
          }

          // ---- formatting ------------------------------------------------------------------------------
          function pad(v) { return v < 10 ? '0' + v : '' + v; }
          function date(t) {
            var d = new Date(t * 1000);
            return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
          }
          function stamp(t) {
            if (!ok(t)) return '—';
            if (D.dateOnly) return date(t);
            var d = new Date(t * 1000);
            return date(t) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
          }
          function group(s) { return s.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
          function num(v, decimals) {
            if (!ok(v)) return '—';
            var s = Math.abs(v).toFixed(decimals), parts = s.split('.');
            var out = group(parts[0]) + (parts.length > 1 ? '.' + parts[1] : '');
            return (v < 0 && /[1-9]/.test(s) ? '-' : '') + out;
          }
          function price(v) {
            if (!ok(v)) return '—';
            var a = Math.abs(v);
            return num(v, a >= 1 || a === 0 ? 2 : Math.min(10, 3 - Math.floor(Math.log10(a))));
          }
          function pct(v) { return ok(v) ? (v > 0 ? '+' : '') + num(v, 2) + '%' : '—'; }
          function compact(v, step) {
            if (Math.abs(v) < Math.abs(step) * 1e-9) return '0';
            var a = Math.max(Math.abs(v), Math.abs(step));
            if (a >= 1e9) return num(v / 1e9, step >= 1e9 ? 0 : 1) + 'B';
            if (a >= 1e6 && Math.abs(step) >= 1e5) return num(v / 1e6, step >= 1e6 ? 0 : 1) + 'M';
            if (a >= 1e5 && Math.abs(step) >= 1e3) return num(v / 1e3, step >= 1e3 ? 0 : 1) + 'k';
            return num(v, Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9))));
          }
          function escapeText(s) {
            return String(s).replace(/[&<>"']/g, function (c) {
              return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
            });
          }

          // ---- scales ----------------------------------------------------------------------------------
          function niceStep(raw) {
            var p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
          }
          function yScale(lo, hi, height, count) {
            if (!ok(lo) || !ok(hi)) { lo = 0; hi = 1; }
            if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
              var c = Math.abs(hi) || 1;
              lo -= c * 0.01;
              hi += c * 0.01;
            }
            var padding = (hi - lo) * 0.06;
            lo -= padding; hi += padding;
            var step = niceStep((hi - lo) / count), ticks = [];
            for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
              ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
            }
            return { lo: lo, hi: hi, step: step, ticks: ticks, h: height };
          }
          var STEPS = [['minute', 1], ['minute', 5], ['minute', 15], ['minute', 30], ['hour', 1], ['hour', 3],
            ['hour', 6], ['hour', 12], ['day', 1], ['day', 2], ['day', 7], ['day', 14], ['month', 1], ['month', 2],
            ['month', 3], ['month', 6], ['year', 1], ['year', 2], ['year', 5], ['year', 10], ['year', 20], ['year', 50],
            ['year', 100]];
          var SECONDS = { minute: 60, hour: 3600, day: 86400, month: 2629800, year: 31557600 };
          function unitKey(t, unit) {
            if (unit === 'minute') return Math.floor(t / 60);
            if (unit === 'hour') return Math.floor(t / 3600);
            if (unit === 'day') return Math.floor(t / 86400);
            var d = new Date(t * 1000);
            return unit === 'month' ? d.getUTCFullYear() * 12 + d.getUTCMonth() : d.getUTCFullYear();
          }
          function tickLabel(t, unit) {
            var d = new Date(t * 1000);
            if (unit === 'year') return '' + d.getUTCFullYear();
            if (unit === 'month') {
              return (d.getUTCMonth() === 0 ? '' : MONTHS[d.getUTCMonth()] + ' ') + d.getUTCFullYear();
            }
            var day = d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()];
            if (unit === 'day') return day;
            return day + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
          }
          // Calendar-aligned ticks (new year, month, day…) at the first bucket of each period.
          function timeTicks(i0, i1, most) {
            var span = Math.max(1, D.t[i1] - D.t[i0]), choice = STEPS[STEPS.length - 1];
            for (var s = 0; s < STEPS.length; s++) {
              if (span / (SECONDS[STEPS[s][0]] * STEPS[s][1]) <= most) { choice = STEPS[s]; break; }
            }
            var unit = choice[0], every = choice[1], ticks = [], previous = unitKey(D.t[i0], unit);
            for (var i = i0 + 1; i <= i1; i++) {
              var key = unitKey(D.t[i], unit);
              if (key !== previous && key % every === 0) ticks.push({ bar: D.x[i], label: tickLabel(D.t[i], unit) });
              previous = key;
            }
            return ticks;
          }

          // ---- panels ----------------------------------------------------------------------------------
          var panels = [
            { id: 'price', title: 'Price', height: 330, range: rangePrice, draw: drawPrice, format: price,
              notes: function () { return B ? [['Last close ' + price(D.c[B - 1]), C.text]] : []; } },
            { id: 'equity', title: 'Equity', height: 170, range: rangeEquity, draw: drawEquity, format: price,
              notes: function () {
                return [['\u25CF Peak ' + price(peak >= 0 ? eqHi[peak] : null), C.peak],
                  ['\u25CF Max. drawdown ' + pct(deepest >= 0 ? -D.dd[deepest] * 100 : null), C.dd],
                  ['\u25CF Final ' + price(last >= 0 ? D.eq[last] : null), C.title]];
              } },
            { id: 'drawdown', title: 'Drawdown [%]', height: 110, range: rangeDrawdown, draw: drawDrawdown,
              format: function (v) { return num(v, 2) + '%'; } }
          ];
          if (trades.length) panels.push({ id: 'returns', title: 'Trade return [%]', height: 120, range: rangeReturns,
            draw: drawReturns, format: function (v) { return num(v, 2) + '%'; },
            notes: function () {
              var wins = trades.filter(function (t) { return !t.open && t.pnl > 0; }).length;
              var closed = trades.filter(function (t) { return !t.open; }).length;
              return [['\u25B2 ' + wins + ' won', C.win], ['\u25BC ' + (closed - wins) + ' lost', C.loss]]
                .concat(D.tradeTotal > trades.length
                  ? [['(' + num(trades.length, 0) + ' of ' + num(D.tradeTotal, 0) + ' marked)', C.text]] : []);
            } });
          if (D.v) panels.push({ id: 'volume', title: 'Volume', height: 80, range: rangeVolume, draw: drawVolume,
            format: function (v) { return num(v, 0); } });
          panels.forEach(function (p, index) {
            p.last = index === panels.length - 1;
            p.el = document.createElement('div');
            p.el.className = 'panel';
            p.base = document.createElement('canvas');
            p.over = document.createElement('canvas');
            p.over.className = 'overlay';
            p.el.appendChild(p.base);
            p.el.appendChild(p.over);
            host.appendChild(p.el);
            bindPointer(p);
          });

          function X(bar) { return M.l + (bar - view.a) / (view.b - view.a) * (width - M.l - M.r); }
          function barAt(x) { return view.a + (x - M.l) / (width - M.l - M.r) * (view.b - view.a); }
          function visible() {
            var i0 = bucketOf(Math.max(0, view.a)), i1 = bucketOf(Math.min(N, view.b) - 1e-9);
            return { i0: i0, i1: Math.max(i0, i1) };
          }
          function each(v, fn) { for (var i = v.i0; i <= v.i1; i++) fn(i); }
          function minMax(v, arrays) {
            var lo = Infinity, hi = -Infinity;
            arrays.forEach(function (a) {
              each(v, function (i) { var x = a[i]; if (ok(x)) { if (x < lo) lo = x; if (x > hi) hi = x; } });
            });
            return [lo, hi];
          }
          function inView(t) { return t.xb + 1 >= view.a && t.eb <= view.b; }

          function rangePrice(v) {
            var r = minMax(v, [D.l, D.h]);
            trades.forEach(function (t) {
              if (!inView(t)) return;
              [t.ep, t.xp].forEach(function (p) { if (ok(p)) { r[0] = Math.min(r[0], p); r[1] = Math.max(r[1], p); } });
            });
            return r;
          }
          function rangeEquity(v) {
            var r = minMax(v, [eqLo, eqHi]);
            // The starting cash is a reference line on the whole run, not when zoomed into a stretch of it.
            return view.a <= 0 && view.b >= N ? [Math.min(r[0], D.cash), Math.max(r[1], D.cash)] : r;
          }
          function rangeDrawdown(v) { var r = minMax(v, [D.dd]); return [Math.min(-r[1] * 100, 0), 0]; }
          function rangeReturns() {
            var lo = 0, hi = 0;
            trades.forEach(function (t) {
              if (inView(t) && ok(t.ret)) { lo = Math.min(lo, t.ret); hi = Math.max(hi, t.ret); }
            });
            return [lo, hi];
          }
          function rangeVolume(v) { var r = minMax(v, [D.v]); return [0, r[1]]; }

          // A polyline through the buckets, broken where a value is missing.
          function line(g, v, values, Y) {
            var open = false;
            g.beginPath();
            each(v, function (i) {
              var y = values[i];
              if (!ok(y)) { open = false; return; }
              if (open) g.lineTo(X(center(i)), Y(y)); else { g.moveTo(X(center(i)), Y(y)); open = true; }
            });
            g.stroke();
          }
          // The area between two series (or a series and a constant), in runs of defined values.
          function area(g, v, top, bottom, Y) {
            var run = [];
            function flush() {
              if (run.length) {
                g.beginPath();
                run.forEach(function (i, j) {
                  var x = X(center(i)), y = Y(top[i]);
                  if (j) g.lineTo(x, y); else g.moveTo(x, y);
                });
                for (var j = run.length - 1; j >= 0; j--) {
                  var i = run[j];
                  g.lineTo(X(center(i)), Y(typeof bottom === 'number' ? bottom : bottom[i]));
                }
                g.closePath();
                g.fill();
              }
              run = [];
            }
            each(v, function (i) {
              if (ok(top[i]) && (typeof bottom === 'number' || ok(bottom[i]))) run.push(i); else flush();
            });
            flush();
          }
          function triangle(g, x, y, s, up) {
            g.beginPath();
            if (up) { g.moveTo(x, y - s); g.lineTo(x + s, y + s * 0.8); g.lineTo(x - s, y + s * 0.8); }
            else { g.moveTo(x, y + s); g.lineTo(x + s, y - s * 0.8); g.lineTo(x - s, y - s * 0.8); }
            g.closePath();
            g.fill();
            g.stroke();
          }
          function dot(g, x, y, r, color, hollow) {
            g.beginPath();
            g.arc(x, y, r, 0, Math.PI * 2);
            if (hollow) { g.strokeStyle = color; g.lineWidth = 1.5; g.stroke(); }
            else { g.fillStyle = color; g.fill(); g.strokeStyle = '#fff'; g.lineWidth = 1; g.stroke(); }
          }

          function drawPrice(g, v, Y, P) {
            if (D.warm > view.a) {
              var xw = Math.min(X(D.warm), P.r);
              g.fillStyle = C.warm;
              g.fillRect(P.l, P.t, xw - P.l, P.h);
            }
            if (focus) {
              g.fillStyle = C.focus;
              g.fillRect(X(focus.e), P.t, Math.max(2, X(focus.x + 1) - X(focus.e)), P.h);
            }
            var pixels = (P.r - P.l) / Math.max(1, v.i1 - v.i0 + 1);
            if (pixels >= 3) {
              var body = Math.max(1, Math.min(pixels * 0.7, 14));
              each(v, function (i) {
                if (!ok(D.o[i]) || !ok(D.c[i])) return;
                var x = Math.round(X(center(i))) + 0.5, up = D.c[i] >= D.o[i];
                g.strokeStyle = g.fillStyle = up ? C.up : C.down;
                g.lineWidth = 1;
                if (ok(D.h[i]) && ok(D.l[i])) {
                  g.beginPath();
                  g.moveTo(x, Y(D.h[i]));
                  g.lineTo(x, Y(D.l[i]));
                  g.stroke();
                }
                var y0 = Y(Math.max(D.o[i], D.c[i])), y1 = Y(Math.min(D.o[i], D.c[i]));
                g.fillRect(x - body / 2, y0, body, Math.max(1, y1 - y0));
              });
            } else {
              g.fillStyle = C.band;
              area(g, v, D.h, D.l, Y);
              g.strokeStyle = C.close;
              g.lineWidth = 1.2;
              line(g, v, D.c, Y);
            }
            // Markers shrink as they crowd: their size follows the trades per 100 pixels.
            var shown = trades.filter(inView), density = shown.length / Math.max(1, P.r - P.l) * 100;
            var small = density > 25, size = small ? 3.5 : density > 5 ? 4.5 : 6.5;
            P.hits.length = 0;
            g.setLineDash([4, 3]);
            g.lineWidth = small ? 0.8 : 1.2;
            shown.forEach(function (t) {
              if (!ok(t.ep) || !ok(t.xp)) return;
              g.strokeStyle = t.open ? C.open : t.pnl >= 0 ? C.win : C.loss;
              g.beginPath();
              g.moveTo(X(t.eb + 0.5), Y(t.ep));
              g.lineTo(X(t.xb + 0.5), Y(t.xp));
              g.stroke();
            });
            g.setLineDash([]);
            // Exits first, at their price; entries as arrows whose tip touches the entry price from below
            // (long) or above (short), so that a reversal's exit and entry on one bar stay both visible.
            shown.forEach(function (t) {
              if (!ok(t.xp)) return;
              var x = X(t.xb + 0.5), y = Y(t.xp);
              dot(g, x, y, size * 0.7, t.open ? C.open : t.pnl >= 0 ? C.win : C.loss, t.open);
              P.hits.push({ x: x, y: y, t: t });
            });
            shown.forEach(function (t) {
              if (!ok(t.ep)) return;
              var long = t.size >= 0, x = X(t.eb + 0.5), y = Y(t.ep), offset = long ? size + 1 : -size - 1;
              g.fillStyle = long ? C.long : C.short;
              g.strokeStyle = '#fff';
              g.lineWidth = 1;
              triangle(g, x, y + offset, size, long);
              P.hits.push({ x: x, y: y + offset, t: t });
            });
          }
          function drawEquity(g, v, Y, P) {
            g.fillStyle = C.equityFill;
            area(g, v, D.eq, Y.inverse(P.b), Y);
            if (D.eqLo) { g.fillStyle = C.equityBand; area(g, v, eqHi, eqLo, Y); }
            g.strokeStyle = C.frame;
            g.setLineDash([3, 3]);
            g.lineWidth = 1;
            g.beginPath(); g.moveTo(P.l, Y(D.cash)); g.lineTo(P.r, Y(D.cash)); g.stroke();
            g.setLineDash([]);
            g.strokeStyle = C.equity;
            g.lineWidth = 1.5;
            line(g, v, D.eq, Y);
            P.hits.length = 0;
            [[peak, eqHi, C.peak, 'Peak'], [deepest, eqLo, C.dd, 'Max. drawdown'], [last, D.eq, '#0f172a', 'Final']]
              .forEach(function (m) {
                var i = m[0];
                if (i < 0 || i < v.i0 || i > v.i1 || !ok(m[1][i])) return;
                var x = X(center(i)), y = Y(m[1][i]);
                dot(g, x, y, 4, m[2]);
                var value = price(m[1][i]) + (m[3] === 'Max. drawdown' ? ' (' + pct(-D.dd[i] * 100) + ')' : '');
                P.hits.push({ x: x, y: y, label: m[3], value: value, i: i });
              });
          }
          function drawDrawdown(g, v, Y, P) {
            var negative = D.dd.map(function (d) { return ok(d) ? -d * 100 : null; });
            g.fillStyle = C.ddFill;
            area(g, v, negative, 0, Y);
            g.strokeStyle = C.dd;
            g.lineWidth = 1.2;
            line(g, v, negative, Y);
            P.hits.length = 0;
            if (deepest >= v.i0 && deepest <= v.i1) {
              var x = X(center(deepest)), y = Y(negative[deepest]);
              dot(g, x, y, 4, C.dd);
              g.fillStyle = C.dd;
              g.font = FONT;
              g.textAlign = x > (P.l + P.r) / 2 ? 'right' : 'left';
              g.fillText(pct(negative[deepest]), x + (g.textAlign === 'right' ? -8 : 8), Math.min(P.b - 4, y + 4));
            }
          }
          function drawReturns(g, v, Y, P) {
            g.strokeStyle = C.frame;
            g.lineWidth = 1;
            g.beginPath(); g.moveTo(P.l, Math.round(Y(0)) + 0.5); g.lineTo(P.r, Math.round(Y(0)) + 0.5); g.stroke();
            P.hits.length = 0;
            trades.forEach(function (t) {
              if (!inView(t) || !ok(t.ret)) return;
              var x = X(t.xb + 0.5), y = Y(t.ret), gain = t.ret >= 0;
              var s = 3.5 + 5 * Math.sqrt(maxAbsPnl > 0 && ok(t.pnl) ? Math.abs(t.pnl) / maxAbsPnl : 0);
              g.fillStyle = t.open ? C.open : gain ? C.win : C.loss;
              g.strokeStyle = '#fff';
              g.lineWidth = 0.8;
              triangle(g, x, y, s, gain);
              P.hits.push({ x: x, y: y, t: t });
            });
          }
          function drawVolume(g, v, Y, P) {
            each(v, function (i) {
              if (!ok(D.v[i])) return;
              var x0 = X(D.x[i]), x1 = X(end(i)), y = Y(D.v[i]);
              var down = ok(D.c[i]) && ok(D.o[i]) && D.c[i] < D.o[i];
              g.fillStyle = down ? 'rgba(239,83,80,0.45)' : 'rgba(38,166,154,0.45)';
              // As wide as the candle above when there is room for one, else the bucket's whole column.
              var w = x1 - x0 >= 3 ? Math.max(1, Math.min((x1 - x0) * 0.7, 14)) : Math.max(1, x1 - x0);
              g.fillRect((x0 + x1) / 2 - w / 2, y, w, P.b - y);
            });
          }

          // ---- layout and drawing ----------------------------------------------------------------------
          function layout() {
            width = Math.max(320, host.clientWidth);
            dpr = window.devicePixelRatio || 1;
            panels.forEach(function (p) {
              var h = p.height + (p.last ? AXIS : 0);
              [p.base, p.over].forEach(function (c) {
                c.width = Math.round(width * dpr);
                c.height = Math.round(h * dpr);
                c.style.width = width + 'px';
                c.style.height = h + 'px';
              });
              p.box = { l: M.l, r: width - M.r, t: M.t, b: p.height - M.b, h: p.height - M.t - M.b, hits: [] };
            });
          }
          function draw() {
            var v = visible(), ticks = timeTicks(v.i0, v.i1, Math.max(3, Math.floor((width - M.l - M.r) / 110)));
            panels.forEach(function (p) {
              var g = p.base.getContext('2d'), P = p.box;
              g.setTransform(dpr, 0, 0, dpr, 0, 0);
              g.clearRect(0, 0, width, p.height + AXIS);
              var r = p.range(v), s = yScale(r[0], r[1], P.h, Math.max(3, Math.round(P.h / 45)));
              var Y = function (value) { return P.b - (value - s.lo) / (s.hi - s.lo) * P.h; };
              Y.inverse = function (y) { return s.lo + (P.b - y) / P.h * (s.hi - s.lo); };
              p.scale = s;
              p.Y = Y;
              g.font = FONT;
              g.lineWidth = 1;
              g.strokeStyle = C.grid;
              g.fillStyle = C.text;
              g.textAlign = 'right';
              g.textBaseline = 'middle';
              s.ticks.forEach(function (value) {
                var y = Math.round(Y(value)) + 0.5;
                if (y < P.t - 0.5 || y > P.b + 0.5) return;
                g.beginPath(); g.moveTo(P.l, y); g.lineTo(P.r, y); g.stroke();
                var text = p.id === 'price' || p.id === 'equity' || p.id === 'volume' ? compact(value, s.step)
                  : num(value, Math.max(0, -Math.floor(Math.log10(s.step) + 1e-9)));
                g.fillText(text, P.l - 8, y);
              });
              ticks.forEach(function (tick) {
                var x = Math.round(X(tick.bar)) + 0.5;
                g.beginPath(); g.moveTo(x, P.t); g.lineTo(x, P.b); g.stroke();
              });
              g.save();
              g.beginPath();
              g.rect(P.l, P.t - 6, P.r - P.l, P.h + 12);
              g.clip();
              p.draw(g, v, Y, P);
              g.restore();
              g.strokeStyle = C.frame;
              g.lineWidth = 1;
              g.strokeRect(P.l + 0.5, P.t + 0.5, P.r - P.l - 1, P.h - 1);
              g.fillStyle = C.title;
              g.font = BOLD;
              g.textAlign = 'left';
              g.textBaseline = 'alphabetic';
              g.fillText(p.title, P.l, P.t - 8);
              if (p.notes) {
                g.font = FONT;
                g.textAlign = 'right';
                var right = P.r;
                p.notes().reverse().forEach(function (note) {
                  g.fillStyle = note[1];
                  g.fillText(note[0], right, P.t - 8);
                  right -= g.measureText(note[0]).width + 14;
                });
              }
              if (p.last) {
                g.font = FONT;
                g.fillStyle = C.text;
                g.textAlign = 'center';
                g.textBaseline = 'top';
                ticks.forEach(function (tick) {
                  var x = X(tick.bar);
                  if (x > P.l + 20 && x < P.r - 20) g.fillText(tick.label, x, P.b + 6);
                });
              }
            });
            var full = view.a <= 0 && view.b >= N;
            resetButton.disabled = full;
            rangeLabel.textContent = B ? stamp(D.t[v.i0]) + ' – ' + stamp(D.t[v.i1]) + (full ? '' : ' (zoomed)') : '';
            clearOverlays();
          }
          function clearOverlays() {
            panels.forEach(function (p) {
              var g = p.over.getContext('2d');
              g.setTransform(dpr, 0, 0, dpr, 0, 0);
              g.clearRect(0, 0, width, p.height + AXIS);
            });
          }

          // ---- interaction -----------------------------------------------------------------------------
          function setView(a, b) {
            var least = Math.min(N, Math.max(5, 3 * N / Math.max(1, B)));
            if (b - a < least) { var c = (a + b) / 2; a = c - least / 2; b = c + least / 2; }
            if (a < 0) { b -= a; a = 0; }
            if (b > N) { a -= b - N; b = N; }
            view.a = Math.max(0, a);
            view.b = Math.min(N, b);
            draw();
          }
          function row(label, value) { return '<div class="row"><span>' + label + '</span><b>' + value + '</b></div>'; }
          function tradeTip(t) {
            var side = t.size >= 0 ? 'Long' : 'Short';
            var html = '<div class="head">Trade #' + t.n + ' · ' + side + (t.open ? ' · open' : '') + '</div>';
            html += row('Entry', stamp(t.et) + ' @ ' + price(t.ep));
            html += row(t.open ? 'Marked' : 'Exit', stamp(t.xt) + ' @ ' + price(t.xp));
            html += row('Size', num(t.size, Math.abs(t.size) % 1 ? 4 : 0));
            var tone = t.pnl >= 0 ? 'pos' : 'neg';
            html += row('P/L', '<span class="' + tone + '">' + num(t.pnl, 2) + ' (' + pct(t.ret) + ')</span>');
            if (t.reason) html += row('Exit reason', escapeText(t.reason));
            html += row('Bars held', '' + (t.xb - t.eb));
            return html;
          }
          function barTip(i) {
            var bars = end(i) - D.x[i];
            var span = bars > 1 ? ' … ' + num(bars, 0) + ' bars' : '';
            var html = '<div class="head">' + stamp(D.t[i]) + span + '</div>';
            html += row(bars > 1 ? 'O / H / L / C' : 'Open / High', bars > 1
              ? price(D.o[i]) + ' / ' + price(D.h[i]) + ' / ' + price(D.l[i]) + ' / ' + price(D.c[i])
              : price(D.o[i]) + ' / ' + price(D.h[i]));
            if (bars === 1) html += row('Low / Close', price(D.l[i]) + ' / ' + price(D.c[i]));
            var spread = D.eqLo ? ' (' + price(D.eqLo[i]) + ' – ' + price(D.eqHi[i]) + ')' : '';
            html += row('Equity', price(D.eq[i]) + spread);
            html += row(bars > 1 ? 'Deepest drawdown' : 'Drawdown', ok(D.dd[i]) ? pct(-D.dd[i] * 100) : '—');
            if (D.v) html += row('Volume', num(D.v[i], 0));
            return html;
          }
          function showTip(html, p, x, y) {
            tip.innerHTML = html;
            tip.hidden = false;
            var box = host.getBoundingClientRect(), card = tip.offsetParent.getBoundingClientRect();
            var left = box.left - card.left + x + 16, top = box.top - card.top + p.el.offsetTop + y + 14;
            if (left + tip.offsetWidth > card.width - 8) left = box.left - card.left + x - tip.offsetWidth - 16;
            tip.style.left = left + 'px';
            tip.style.top = top + 'px';
          }
          function bindPointer(p) {
            p.over.addEventListener('mousemove', function (e) {
              var rect = p.over.getBoundingClientRect(), x = e.clientX - rect.left, y = e.clientY - rect.top;
              hover(p, x, y);
            });
            p.over.addEventListener('mouseleave', function () { if (!drag) { clearOverlays(); tip.hidden = true; } });
            p.over.addEventListener('mousedown', function (e) {
              var rect = p.over.getBoundingClientRect(), x = e.clientX - rect.left;
              if (x < M.l || x > width - M.r) return;
              drag = { x0: x, x1: x };
              e.preventDefault();
            });
            p.over.addEventListener('dblclick', function () { focus = null; setView(0, N); });
          }
          window.addEventListener('mousemove', function (e) {
            if (!drag) return;
            var rect = host.getBoundingClientRect();
            drag.x1 = Math.max(M.l, Math.min(width - M.r, e.clientX - rect.left));
          });
          window.addEventListener('mouseup', function () {
            if (!drag) return;
            var d = drag;
            drag = null;
            if (Math.abs(d.x1 - d.x0) > 4) setView(barAt(Math.min(d.x0, d.x1)), barAt(Math.max(d.x0, d.x1)));
          });
          function hover(p, x, y) {
            clearOverlays();
            if (drag) drag.x1 = Math.max(M.l, Math.min(width - M.r, x));
            if (x < M.l || x > width - M.r || !B) { tip.hidden = true; return; }
            var i = bucketOf(Math.max(0, Math.min(N - 1e-9, barAt(x)))), cx = drag ? x : X(center(i));
            panels.forEach(function (q) {
              var g = q.over.getContext('2d'), P = q.box;
              g.strokeStyle = C.cross;
              g.lineWidth = 1;
              g.setLineDash([3, 3]);
              g.beginPath(); g.moveTo(Math.round(cx) + 0.5, P.t); g.lineTo(Math.round(cx) + 0.5, P.b); g.stroke();
              g.setLineDash([]);
              if (drag) {
                g.fillStyle = C.select;
                g.fillRect(Math.min(drag.x0, drag.x1), P.t, Math.abs(drag.x1 - drag.x0), P.h);
              }
              if (q === p && y >= P.t && y <= P.b) {
                g.setLineDash([3, 3]);
                g.beginPath(); g.moveTo(P.l, Math.round(y) + 0.5); g.lineTo(P.r, Math.round(y) + 0.5); g.stroke();
                g.setLineDash([]);
                var label = q.format(q.Y.inverse(y));
                g.font = FONT;
                var w = g.measureText(label).width + 10;
                g.fillStyle = '#0f172a';
                g.fillRect(P.l - w - 2, y - 9, w, 18);
                g.fillStyle = '#fff';
                g.textAlign = 'center';
                g.textBaseline = 'middle';
                g.fillText(label, P.l - 2 - w / 2, y);
              }
            });
            if (drag) { tip.hidden = true; return; }
            var best = null, bestDistance = 64;
            p.box.hits.forEach(function (h) {
              var d = (h.x - x) * (h.x - x) + (h.y - y) * (h.y - y);
              if (d < bestDistance) { bestDistance = d; best = h; }
            });
            if (best && best.t) showTip(tradeTip(best.t), p, x, y);
            else if (best) {
              showTip('<div class="head">' + best.label + '</div>' + row(stamp(D.t[best.i]), best.value), p, x, y);
            }
            else showTip(barTip(i), p, x, y);
          }
          resetButton.addEventListener('click', function () { focus = null; setView(0, N); });
          // A click on a trade row moves the charts onto the trade.
          var table = document.querySelector('table.trades');
          if (table) table.addEventListener('click', function (e) {
            var tr = e.target.closest('tr[data-e]');
            if (!tr) return;
            var a = +tr.getAttribute('data-e'), b = +tr.getAttribute('data-x'), margin = Math.max(20, (b - a) * 0.75);
            focus = { e: a, x: b };
            setView(a - margin, b + 1 + margin);
            document.getElementById('charts-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
          });
          var pending = false;
          window.addEventListener('resize', function () {
            if (pending) return;
            pending = true;
            window.requestAnimationFrame(function () { pending = false; tip.hidden = true; layout(); draw(); });
          });

          layout();
          // `#bars=FROM-TO` in the address opens the charts zoomed on those bars.
          var wanted = /bars=(\d+)-(\d+)/.exec(window.location.hash);
          if (wanted) setView(+wanted[1], +wanted[2] + 1); else draw();
          document.body.setAttribute('data-report-ready', '1');
        })();
        """#
}
