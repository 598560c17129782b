import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/**
 * The benchmark's floor: a bare `ws` fan-out with none of the bridge (no REST, sessions, simulator
 * or HTTP framework). `POST /run?rate=R&seconds=S&bytes=B` sends R frames a second, each about B
 * bytes with a wall-clock `timestamp`, to sockets picked at random, for S seconds, then answers
 * with the number of frames sent. `bench:bridge` sweeps R on its own, so this floor is found, not
 * fed the bridge's rate. A socket opened with `?replay=N&bytes=B` first gets what a resuming
 * bridge client gets: a SessionOpened (`lastSeq: N`) and N frames of about B bytes, seq 1 to N
 * (`bench:storm`). It prints `listening <port>` and runs until killed.
 */

const sockets: WebSocket[] = [];
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

function run(rate: number, seconds: number, bytes: number): Promise<number> {
  const pad = 'x'.repeat(Math.max(0, bytes - 60));
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let sent = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) {
        const socket = sockets[Math.floor(Math.random() * sockets.length)];
        socket?.send(JSON.stringify({ eventName: 'EventRinging', timestamp: wallClockMs(), pad }));
        sent++;
      }
      if (sent >= total) resolve(sent);
      else setTimeout(tick, 1);
    };
    tick();
  });
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bench.invalid');
  if (request.method !== 'POST' || url.pathname !== '/run') {
    response.writeHead(404).end();
    return;
  }
  const number = (name: string) => Number(url.searchParams.get(name));
  void run(number('rate'), number('seconds'), number('bytes')).then((sent) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
  });
});

server.on('upgrade', (request, socket, head) => {
  const query = new URL(request.url ?? '/', 'http://bench.invalid').searchParams;
  const replay = Number(query.get('replay') ?? 0);
  const pad = 'x'.repeat(Math.max(0, Number(query.get('bytes') ?? 0) - 80));
  wss.handleUpgrade(request, socket, head, (ws) => {
    sockets.push(ws);
    if (replay > 0) ws.send(JSON.stringify({ eventName: 'SessionOpened', lastSeq: replay, resume: 'replayed', timestamp: wallClockMs() }));
    for (let seq = 1; seq <= replay; seq++) ws.send(JSON.stringify({ eventName: 'EventAgentReady', seq, timestamp: wallClockMs(), pad }));
    ws.on('close', () => sockets.splice(sockets.indexOf(ws), 1));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
