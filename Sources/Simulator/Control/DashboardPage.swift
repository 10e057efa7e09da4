/// The live dashboard served at `/` on the control port: one self-contained page (no CDN, no
/// external asset) showing the fleet as tiles coloured by connector status, the fleet's and the
/// selected charger's power on a hand-drawn canvas chart, the running sessions with their energy,
/// and the OCPP frames of the selected charger. It follows `GET /events` (statuses of all
/// chargers; every frame of the selected one) and polls `GET /chargers` each second for power and
/// energy. With a control token, open it as `/?token=...`.
///
/// Hooks for the browser test: each tile has `data-status` (its busiest connector's status),
/// each connector bar `data-status`, the chart `data-samples` and `data-total-power-w`.
enum DashboardPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ChargeSim fleet</title>
        <style>
        :root { --bg:#10151c; --panel:#18202a; --text:#e4e9ef; --muted:#8a97a6; --line:#2a3542; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.4 system-ui, sans-serif; background:var(--bg); color:var(--text); }
        header { display:flex; gap:24px; align-items:baseline; padding:12px 20px; border-bottom:1px solid var(--line); }
        header h1 { font-size:18px; margin:0; }
        header .figure { color:var(--muted); } header .figure b { color:var(--text); font-size:16px; }
        #live { width:10px; height:10px; border-radius:50%; background:#a33; display:inline-block; }
        #live.on { background:#3c3; }
        main { display:grid; grid-template-columns: 1fr 420px; gap:16px; padding:16px 20px; }
        section { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:12px; min-width:0; }
        section h2 { font-size:13px; text-transform:uppercase; letter-spacing:.06em; color:var(--muted); margin:0 0 8px; }
        #tiles { display:grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap:8px; max-height:46vh; overflow:auto; }
        .tile { border-radius:6px; padding:6px 8px; cursor:pointer; border:2px solid transparent; background:#2a3542; }
        .tile.selected { border-color:#fff; }
        .tile .id { font-weight:600; font-size:12px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
        .tile .meta { font-size:11px; opacity:.85; }
        .tile .conns { display:flex; gap:3px; margin-top:4px; }
        .conn { flex:1; height:6px; border-radius:3px; background:#555; box-shadow:0 0 0 1px rgba(255,255,255,.55); }
        [data-status=Available] { background:#2e7d4f; } [data-status=Preparing] { background:#b58a1b; }
        [data-status=Charging] { background:#1f6fd1; } [data-status=SuspendedEV], [data-status=SuspendedEVSE] { background:#6a4fc2; }
        [data-status=Finishing] { background:#2a8d95; } [data-status=Reserved] { background:#8d6e2a; }
        [data-status=Unavailable] { background:#555e69; } [data-status=Faulted] { background:#c0392b; }
        .tile[data-link=offline], .tile[data-link=disconnected], .tile[data-link=connecting] { opacity:.55; }
        #chart { width:100%; height:220px; display:block; }
        .legend { font-size:12px; color:var(--muted); display:flex; gap:16px; }
        .legend i { display:inline-block; width:10px; height:3px; vertical-align:middle; margin-right:4px; }
        table { width:100%; border-collapse:collapse; font-size:12px; }
        th, td { text-align:left; padding:3px 6px; border-bottom:1px solid var(--line); white-space:nowrap; }
        th { color:var(--muted); font-weight:500; }
        #frames { font:11px/1.35 ui-monospace, monospace; max-height:58vh; overflow:auto; white-space:pre-wrap; word-break:break-all; }
        #frames .sent { color:#8fc1ff; } #frames .received { color:#9be39b; } #frames .state { color:var(--muted); }
        .wide { grid-column: 1 / -1; }
        </style>
        </head>
        <body>
        <header>
          <h1>ChargeSim fleet</h1>
          <span class="figure"><span id="live" title="event stream"></span></span>
          <span class="figure">chargers <b id="count">0</b></span>
          <span class="figure">charging <b id="charging">0</b></span>
          <span class="figure">faulted <b id="faulted">0</b></span>
          <span class="figure">fleet power <b id="total">0.0</b> kW</span>
        </header>
        <main>
          <div style="display:grid; gap:16px; min-width:0">
            <section><h2>Chargers</h2><div id="tiles"></div></section>
            <section>
              <h2>Power</h2>
              <canvas id="chart" data-samples="0" data-total-power-w="0"></canvas>
              <div class="legend"><span><i style="background:#f5b342"></i>fleet total</span>
                <span><i style="background:#4aa3ff"></i><span id="selected-legend">selected charger</span></span></div>
            </section>
            <section>
              <h2>Sessions</h2>
              <table><thead><tr><th>charger</th><th>conn.</th><th>id tag</th><th>transaction</th><th>energy kWh</th>
                <th>power kW</th><th>SoC %</th><th>status</th></tr></thead><tbody id="sessions"></tbody></table>
            </section>
          </div>
          <section><h2>OCPP frames <span id="frames-of"></span></h2><div id="frames">Click a charger to follow its frames.</div></section>
        </main>
        <script>
        "use strict";
        const token = new URLSearchParams(location.search).get("token");
        const headers = token ? { Authorization: "Bearer " + token } : {};
        const withToken = (path) => token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path;
        const chargers = new Map();
        let selected = null;
        let selectedSource = null;
        const history = [];
        const maxSamples = 180;
        const order = ["Faulted", "Charging", "SuspendedEVSE", "SuspendedEV", "Preparing", "Finishing", "Reserved", "Unavailable", "Available"];

        function tileStatus(c) {
          const statuses = c.connectors.filter(k => k.connectorId > 0).map(k => k.status);
          if (c.connectors.length && c.connectors[0].status === "Faulted") statuses.push("Faulted");
          for (const s of order) if (statuses.includes(s)) return s;
          return "Unavailable";
        }
        function power(c) { return c.connectors.reduce((sum, k) => sum + (k.powerW || 0), 0); }

        function renderTile(c) {
          let tile = document.getElementById("tile-" + c.chargePointId);
          if (!tile) {
            tile = document.createElement("div");
            tile.className = "tile";
            tile.id = "tile-" + c.chargePointId;
            tile.dataset.charger = c.chargePointId;
            tile.innerHTML = '<div class="id"></div><div class="meta"></div><div class="conns"></div>';
            tile.querySelector(".id").textContent = c.chargePointId;
            tile.addEventListener("click", () => select(c.chargePointId));
            document.getElementById("tiles").appendChild(tile);
          }
          tile.dataset.status = tileStatus(c);
          tile.dataset.link = c.link;
          tile.classList.toggle("selected", c.chargePointId === selected);
          tile.querySelector(".meta").textContent = c.link + " · " + (power(c) / 1000).toFixed(1) + " kW";
          const conns = tile.querySelector(".conns");
          const wanted = c.connectors.filter(k => k.connectorId > 0);
          if (conns.children.length !== wanted.length) {
            conns.innerHTML = "";
            for (const k of wanted) { const s = document.createElement("span"); s.className = "conn"; conns.appendChild(s); }
          }
          wanted.forEach((k, i) => { const s = conns.children[i]; s.dataset.connector = k.connectorId; s.dataset.status = k.status; s.title = k.connectorId + ": " + k.status + (k.errorCode !== "NoError" ? " (" + k.errorCode + ")" : ""); });
        }

        function renderAll() {
          let charging = 0, faulted = 0, total = 0;
          const rows = [];
          for (const c of chargers.values()) {
            renderTile(c);
            const status = tileStatus(c);
            if (status === "Charging") charging++;
            if (status === "Faulted") faulted++;
            total += power(c);
            for (const k of c.connectors) {
              if (k.sessionEnergyWh == null && k.status !== "Preparing") continue;
              if (k.connectorId === 0) continue;
              rows.push("<tr><td>" + esc(c.chargePointId) + "</td><td>" + k.connectorId + "</td><td>" + esc(k.idTag || "") +
                "</td><td>" + (k.transactionId ?? "") + "</td><td>" + (k.sessionEnergyWh != null ? (k.sessionEnergyWh / 1000).toFixed(3) : "") +
                "</td><td>" + (k.powerW / 1000).toFixed(2) + "</td><td>" + (k.ev ? k.ev.socPercent.toFixed(1) : "") + "</td><td>" + k.status + "</td></tr>");
            }
          }
          document.getElementById("count").textContent = chargers.size;
          document.getElementById("charging").textContent = charging;
          document.getElementById("faulted").textContent = faulted;
          document.getElementById("total").textContent = (total / 1000).toFixed(1);
          document.getElementById("sessions").innerHTML = rows.join("");
          for (const tile of document.querySelectorAll(".tile")) if (!chargers.has(tile.dataset.charger)) tile.remove();
          return total;
        }

        function esc(text) { return String(text).replace(/[&<>"]/g, ch => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch])); }

        function sample(total) {
          const c = selected && chargers.get(selected);
          history.push({ total: total, selected: c ? power(c) : 0 });
          while (history.length > maxSamples) history.shift();
          const canvas = document.getElementById("chart");
          canvas.dataset.samples = String(Number(canvas.dataset.samples) + 1);
          canvas.dataset.totalPowerW = String(Math.round(total));
          drawChart(canvas);
        }

        function drawChart(canvas) {
          const ratio = window.devicePixelRatio || 1;
          const width = canvas.clientWidth, height = canvas.clientHeight;
          if (canvas.width !== width * ratio) { canvas.width = width * ratio; canvas.height = height * ratio; }
          const g = canvas.getContext("2d");
          g.setTransform(ratio, 0, 0, ratio, 0, 0);
          g.clearRect(0, 0, width, height);
          const left = 48, bottom = height - 18, top = 8, right = width - 8;
          const peak = Math.max(1000, ...history.map(s => Math.max(s.total, s.selected)));
          const scale = niceCeiling(peak);
          g.strokeStyle = "#2a3542"; g.fillStyle = "#8a97a6"; g.font = "11px system-ui"; g.lineWidth = 1;
          for (let i = 0; i <= 4; i++) {
            const y = bottom - (bottom - top) * i / 4;
            g.beginPath(); g.moveTo(left, y); g.lineTo(right, y); g.stroke();
            const kW = scale * i / 4 / 1000;
            g.fillText((Number.isInteger(kW) ? kW : kW.toFixed(kW < 10 ? 2 : 1)) + " kW", 2, y + 4);
          }
          g.fillText("last " + maxSamples + " s", right - 60, height - 4);
          const line = (key, color) => {
            g.strokeStyle = color; g.lineWidth = 2; g.beginPath();
            history.forEach((s, i) => {
              const x = left + (right - left) * (i + maxSamples - history.length) / (maxSamples - 1);
              const y = bottom - (bottom - top) * s[key] / scale;
              if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
            });
            g.stroke();
          };
          line("total", "#f5b342");
          if (selected) line("selected", "#4aa3ff");
        }

        function niceCeiling(value) {
          const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
          for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
          return 10 * magnitude;
        }

        async function poll() {
          try {
            const response = await fetch(withToken("/chargers"), { headers });
            if (response.ok) {
              const body = await response.json();
              const seen = new Set();
              for (const c of body.chargers) { chargers.set(c.chargePointId, c); seen.add(c.chargePointId); }
              for (const id of [...chargers.keys()]) if (!seen.has(id)) chargers.delete(id);
            }
          } catch (e) { /* the next poll retries */ }
          sample(renderAll());
        }

        function connectStream() {
          const source = new EventSource(withToken("/events?types=connectors,link"));
          source.onopen = () => document.getElementById("live").classList.add("on");
          source.onerror = () => document.getElementById("live").classList.remove("on");
          source.onmessage = (message) => {
            const event = JSON.parse(message.data);
            const c = chargers.get(event.chargePointId);
            if (!c) return;
            if (event.type === "connectors") c.connectors = event.connectors;
            if (event.type === "link") c.link = event.link;
            renderTile(c);
          };
        }

        function select(id) {
          selected = id;
          for (const tile of document.querySelectorAll(".tile")) tile.classList.toggle("selected", tile.dataset.charger === id);
          document.getElementById("frames-of").textContent = "· " + id;
          document.getElementById("selected-legend").textContent = id;
          const log = document.getElementById("frames");
          log.textContent = "";
          if (selectedSource) selectedSource.close();
          delete log.dataset.following;
          selectedSource = new EventSource(withToken("/events?charger=" + encodeURIComponent(id)));
          // Frames are only those streamed from now on: say when the stream is live.
          selectedSource.onopen = () => { log.dataset.following = id; };
          selectedSource.onmessage = (message) => {
            const event = JSON.parse(message.data);
            const line = document.createElement("div");
            const time = event.at.slice(11, 23);
            if (event.type === "frame") {
              line.className = event.direction;
              line.textContent = time + (event.direction === "sent" ? " → " : " ← ") + event.frame;
            } else if (event.type === "link") {
              line.className = "state"; line.textContent = time + " link " + event.link;
            } else {
              line.className = "state";
              line.textContent = time + " " + event.connectors.filter(k => k.connectorId > 0).map(k => k.connectorId + ":" + k.status).join(" ");
            }
            const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
            log.appendChild(line);
            while (log.children.length > 500) log.firstChild.remove();
            if (atBottom) log.scrollTop = log.scrollHeight;
          };
        }

        connectStream();
        poll();
        setInterval(poll, 1000);
        window.addEventListener("resize", () => drawChart(document.getElementById("chart")));
        </script>
        </body>
        </html>
        """#
}
