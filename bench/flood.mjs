// A paced HTTP flood for the benchmarks: CONNECTIONS keep-alive connections send GET requests with the given headers at
// RATE requests per second in all (0: as fast as answers come) for SECONDS, then print how they were answered.
//   node bench/flood.mjs <url> <seconds> <connections> <rate> ["Header: value" ...]
import http from 'node:http';

const [url, seconds, connections, rate, ...headerArgs] = process.argv.slice(2);
const target = new URL(url);
const headers = Object.fromEntries(headerArgs.map(h => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const statuses = {};
const end = Date.now() + Number(seconds) * 1000;
const interval = Number(rate) > 0 ? 1000 * Number(connections) / Number(rate) : 0;
let sent = 0;

function one() {
  return new Promise(resolve => {
    const request = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent }, response => {
      statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1;
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', () => { statuses.error = (statuses.error || 0) + 1; resolve(); });
  });
}

async function connection(offset) {
  await new Promise(r => setTimeout(r, offset));
  while (Date.now() < end) {
    const started = Date.now();
    sent++;
    await one();
    const wait = interval - (Date.now() - started);
    if (wait > 0) {
      await new Promise(r => setTimeout(r, wait));
    }
  }
}

await Promise.all(Array.from({ length: Number(connections) }, (_, i) => connection(interval * i / Number(connections))));
agent.destroy();
const parts = Object.entries(statuses).sort().map(([code, n]) => `${code}x${n}`).join(',');
console.log(`sent ${sent} rate ${(sent / Number(seconds)).toFixed(0)}/s statuses ${parts}`);
