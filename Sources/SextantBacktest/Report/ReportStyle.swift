/// The report's style sheet, inlined in its `<style>` element: a light dashboard of cards, with
/// tabular figures so that columns of numbers line up. System fonts only: the file loads nothing.
enum ReportStyle {
    static let css = #"""
        :root {
          --bg: #f3f5f8; --card: #ffffff; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --soft: #f1f5f9;
          --pos: #15803d; --neg: #b91c1c; --accent: #2563eb;
          --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 var(--sans); }
        .page { max-width: 1380px; margin: 0 auto; padding: 22px 20px 36px; }
        header.top { margin-bottom: 14px; }
        .brand {
          font-size: 11.5px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
        h1 { margin: 2px 0 6px; font-size: 26px; line-height: 1.2; font-weight: 650; overflow-wrap: anywhere; }
        .facts { display: flex; flex-wrap: wrap; gap: 4px 0; color: var(--muted); font-size: 13px; }
        .facts span + span::before { content: "·"; margin: 0 10px; color: #94a3b8; }
        code { font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
        .kpis {
          display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 14px; }
        .kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 11px 14px 10px; }
        .kpi-label { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em;
          font-weight: 600; }
        .kpi-value { font-size: 22px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums;
          white-space: nowrap; }
        .kpi-value.pos { color: var(--pos); }
        .kpi-value.neg { color: var(--neg); }
        .kpi-note { font-size: 12px; color: var(--muted); margin-top: 1px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px;
          margin-bottom: 14px; box-shadow: 0 1px 2px rgba(15, 23, 42, .04); }
        h2 { font-size: 15px; margin: 0 0 10px; font-weight: 650; display: flex; align-items: center; gap: 8px; }
        .badge { font-size: 12px; font-weight: 600; color: var(--muted); background: var(--soft); border-radius: 999px;
          padding: 1px 9px; }
        .charts { position: relative; padding-bottom: 10px; }
        .toolbar { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: 8px;
          margin: 0 0 4px; font-size: 12.5px; color: var(--muted); }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; padding-left: 70px; }
        .legend span { display: inline-flex; align-items: center; gap: 5px; }
        .mk { font-style: normal; font-size: 12px; line-height: 1; }
        .mk.long { color: #2563eb; } .mk.short { color: #f59e0b; }
        .mk.win { color: #16a34a; } .mk.loss { color: #dc2626; }
        .mk.warm { color: #d5dbe3; font-size: 14px; }
        .ln { display: inline-block; width: 12px; border-top: 2px dashed; }
        .ln.win { border-color: #16a34a; } .ln.loss { border-color: #dc2626; margin-right: 2px; }
        .zoom { display: flex; align-items: center; gap: 10px; font-variant-numeric: tabular-nums; }
        button { font: inherit; font-size: 12px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px;
          background: #fff; color: var(--ink); cursor: pointer; }
        button:hover:not(:disabled) { background: var(--soft); }
        button:disabled { opacity: .45; cursor: default; }
        #charts { position: relative; user-select: none; }
        .panel { position: relative; }
        .panel canvas { display: block; }
        .panel canvas.overlay { position: absolute; left: 0; top: 0; cursor: crosshair; }
        .tip { position: absolute; z-index: 5; pointer-events: none; background: rgba(15, 23, 42, .94); color: #f8fafc;
          font-size: 12px; padding: 7px 10px; border-radius: 7px; box-shadow: 0 6px 20px rgba(15, 23, 42, .25);
          white-space: nowrap; font-variant-numeric: tabular-nums; min-width: 200px; }
        .tip .head { font-weight: 650; margin-bottom: 4px; color: #fff; }
        .tip .row { display: flex; justify-content: space-between; gap: 18px; color: #cbd5e1; }
        .tip .row b { color: #f8fafc; font-weight: 600; }
        .tip .pos { color: #4ade80; } .tip .neg { color: #f87171; }
        .note { font-size: 12px; color: var(--muted); margin: 8px 0 0 70px; }
        .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; align-items: start; }
        @media (max-width: 900px) {
          .columns { grid-template-columns: 1fr; }
          .legend, .note { padding-left: 0; margin-left: 0; }
        }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        .num { text-align: right; }
        .kv th { text-align: left; font-weight: 500; color: #334155; padding: 4px 12px 4px 0;
          border-bottom: 1px solid var(--soft); }
        .kv td { padding: 4px 0; border-bottom: 1px solid var(--soft); white-space: nowrap; }
        .kv tr:last-child th, .kv tr:last-child td { border-bottom: 0; }
        .trades th, .grid-table th { position: sticky; top: 0; background: #f8fafc; text-align: left; font-size: 12px;
          color: var(--muted); font-weight: 600; padding: 7px 10px; border-bottom: 1px solid var(--line);
          white-space: nowrap; }
        .trades th.num, .grid-table th.num { text-align: right; }
        .trades td, .grid-table td { padding: 5px 10px; border-bottom: 1px solid var(--soft); white-space: nowrap; }
        .trades tbody tr[data-e]:hover { background: #f8fafc; cursor: pointer; }
        .grid-table.small td { font-size: 12.5px; }
        .table-wrap { max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
        .tag { font-size: 11.5px; font-weight: 600; padding: 1px 7px; border-radius: 4px; }
        .tag.long { background: #dbeafe; color: #1d4ed8; }
        .tag.short { background: #fef3c7; color: #b45309; }
        .tag.open { background: #e2e8f0; color: #334155; }
        td.pos { color: var(--pos); } td.neg { color: var(--neg); }
        tr.omitted td {
          text-align: center; color: var(--muted); font-style: italic; background: #f8fafc; padding: 10px; }
        .empty { color: var(--muted); margin: 0; }
        .warnings { margin: 0; padding-left: 18px; } .warnings li { margin: 3px 0; }
        details summary { cursor: pointer; color: var(--muted); font-size: 13px; margin: 10px 0 6px; }
        footer { text-align: center; color: var(--muted); font-size: 12px; margin-top: 20px; }
        @media print {
          body { background: #fff; }
          .table-wrap { max-height: none; overflow: visible; }
          .card, .kpi { box-shadow: none; break-inside: avoid; }
        }
        """#
}
