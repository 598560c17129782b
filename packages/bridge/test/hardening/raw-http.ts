import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/**
 * Requests the fetch API will not send: any Host header, raw paths, hand-written upgrades. Used by
 * the hardening tests to speak to the bridge the way a hostile client does.
 */

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function rawRequest(url: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: init.method ?? 'GET',
        path: init.path ?? target.pathname + target.search,
        headers: init.headers ?? {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/** The parsed JSON body of a raw answer. */
export function jsonOf(answer: RawAnswer): Record<string, unknown> {
  return JSON.parse(answer.text) as Record<string, unknown>;
}

/** Write `bytes` on a fresh TCP connection and collect everything the server sends until it closes. */
export function rawExchange(url: string, bytes: string): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target.port), target.hostname, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}
