/** The page's only stylesheet, inlined: the report must open from a file with no network. */
export const STYLES = `
:root{--fg:#1d2330;--muted:#5f6b7a;--bg:#f6f7f9;--panel:#fff;--line:#dde2e8;--accent:#3b6fd8;--ok:#1f8a4c;--bad:#c93a3a;--warn:#b7791f}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header.top{position:sticky;top:0;z-index:2;display:flex;gap:16px;align-items:center;flex-wrap:wrap;padding:10px 24px;background:var(--panel);border-bottom:1px solid var(--line)}
header.top h1{font-size:18px;margin:0 12px 0 0}
header.top nav a{color:var(--accent);text-decoration:none;margin-right:10px;font-size:13px}
#search{flex:1;min-width:260px;max-width:520px;padding:7px 10px;font-size:14px;border:1px solid var(--line);border-radius:6px}
main{max-width:1040px;margin:0 auto;padding:8px 24px 40px}
section{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
h2{font-size:16px;margin:0 0 12px}
section.compact{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;padding:10px 20px}section.compact h2,section.compact .note{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin-bottom:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px;border-top:3px solid var(--accent)}
.card.ok{border-top-color:var(--ok)}.card.bad{border-top-color:var(--bad)}.card.warn{border-top-color:var(--warn)}
.card .value{font-size:20px;font-weight:600}
.card .label{font-size:12px;color:var(--muted)}
.details{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 16px;margin:0}
.details div{display:flex;gap:8px}.details dt{color:var(--muted);min-width:90px}.details dd{margin:0;overflow-wrap:anywhere}
.note,.muted{color:var(--muted)}
.banner{padding:8px 12px;border-radius:6px;border-left:4px solid var(--accent);background:#eef3fc}
.banner.ok{border-left-color:var(--ok);background:#edf7f1}.banner.bad{border-left-color:var(--bad);background:#fbeeee}.banner.warn{border-left-color:var(--warn);background:#fdf6e8}
svg.chart{display:block;max-width:100%;height:auto;font-size:11px}
.bar-chart{margin:0}.bar-chart ol{list-style:none;margin:0;padding:0}
.bar{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr) 4.5em;gap:8px;align-items:center;font-size:12px;padding:2px 0}
.bar-label{text-align:right;overflow-wrap:anywhere}
.bar-track{height:14px}.bar-fill{display:block;height:100%;min-width:1px;border-radius:2px;background:var(--accent)}
.bar:hover .bar-fill{background:#24488f}.bar-value{white-space:nowrap}
svg .bin rect{fill:#6c8fd9}svg .bin:hover rect{fill:var(--accent)}
svg text{fill:var(--fg)}svg text.axis{fill:var(--muted)}
svg .grid{stroke:var(--line)}
svg .trend-line{fill:none;stroke:var(--accent);stroke-width:1.5}
svg .point{fill:var(--accent)}svg .point.change{fill:var(--bad)}
svg .change-point{stroke:var(--bad);stroke-dasharray:4 3;stroke-width:1.5}
svg .segment-mean{stroke:var(--warn);stroke-width:1}
.trend-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(460px,100%),1fr));gap:12px}
figure.trend{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
figure.trend figcaption{font-size:12px;margin-bottom:4px;overflow-wrap:anywhere}
.badge{display:inline-block;white-space:nowrap;font-size:11px;padding:0 6px;border-radius:8px;background:#eef3fc;color:var(--accent)}
table{width:100%;border-collapse:collapse;font-size:13px;margin:8px 0}
caption,.caption{text-align:left;color:var(--muted);padding-bottom:4px;margin:4px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
td{overflow-wrap:break-word}
th{background:#f0f2f5;position:sticky;top:52px}
th.num,td.num{text-align:right;white-space:nowrap}
th button{all:unset;cursor:pointer;font-weight:600}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tr[hidden]{display:none}
.status{white-space:nowrap}
.verdict{display:inline-block;white-space:nowrap;font-size:12px;padding:0 6px;border-radius:8px;background:#eef0f3}
.verdict.regressed,.status-failed{color:var(--bad)}.verdict.improved,.status-passed{color:var(--ok)}.verdict.unconfirmed,.verdict.new{color:var(--warn)}.verdict.minor,.verdict.unjudged{color:var(--muted)}
h3{font-size:14px;margin:12px 0 4px}
.time-kinds{margin:0;padding-left:20px;font-size:13px}.time-kinds li{overflow-wrap:break-word}
.time-kind.waits strong{color:var(--warn)}.time-kind.computes strong{color:var(--accent)}
.count{color:var(--muted);font-size:12px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:12px}
`;
