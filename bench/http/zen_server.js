// The Node/ZEN yardstick: Node's http server with one worker per core (cluster), each
// deciding POSTed requests ({"item", "purpose", …}) with @gorules/zen-engine over the JDM
// graph that make_jdm.py writes. usage: node zen_server.js GRAPH_JSON PORT
'use strict';
const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');
const fs = require('node:fs');

const [graphPath, port] = process.argv.slice(2);
if (cluster.isPrimary) {
  const workers = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
  for (let i = 0; i < workers; ++i) cluster.fork();
  console.log(`zen: ${workers} workers on 127.0.0.1:${port}`);
} else {
  const { ZenEngine } = require('@gorules/zen-engine');
  const engine = new ZenEngine();
  const decision = engine.createDecision(fs.readFileSync(graphPath));
  http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const out = await decision.evaluate(input);
        const body = JSON.stringify(out.result);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      } catch (e) {
        const body = JSON.stringify({ error: { code: 'bad_request', where: '', message: String(e) } });
        res.writeHead(400, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      }
    });
  }).listen(Number(port), '127.0.0.1');
}
