// A minimal Chrome DevTools Protocol client over the browser's WebSocket (flat sessions), for
// what playwright does not give: every target watched (tests/e2e/lifecycle-harness.ts), or a
// browser no client is attached to but on request (tests/bench/extension-wake.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error ws ships no types (it comes with puppeteer-core); the little used here is typed below.
import WebSocketImpl from 'ws';

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

type Listener = (params: any, sessionId: string | undefined) => void;

interface WebSocket {
  on(ev: 'message', fn: (data: unknown) => void): void;
  on(ev: 'close', fn: () => void): void;
  once(ev: 'open', fn: () => void): void;
  once(ev: 'error', fn: (e: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const WebSocket = WebSocketImpl as new (url: string, opts?: object) => WebSocket;

export class Cdp {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private listeners = new Map<string, Set<Listener>>();
  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners.get(msg.method) ?? []) l(msg.params, msg.sessionId);
      }
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: connection closed`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<Cdp> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Cdp(ws);
  }

  /** Connects to the browser started on `userDataDir` with --remote-debugging-port=0 (it writes its port there). */
  static async ofProfile(userDataDir: string, timeoutMs = 15_000): Promise<Cdp> {
    const portFile = join(userDataDir, 'DevToolsActivePort');
    for (const end = Date.now() + timeoutMs; !existsSync(portFile); ) {
      if (Date.now() > end) throw new Error(`no DevToolsActivePort in ${userDataDir}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The file may be seen before its two lines are written.
    for (const end = Date.now() + timeoutMs; ; ) {
      const [port, path] = readFileSync(portFile, 'utf8').split('\n');
      if (port && path) return Cdp.connect(`ws://127.0.0.1:${port}${path}`);
      if (Date.now() > end) throw new Error(`an unfinished DevToolsActivePort in ${userDataDir}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  send<T = any>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  on(method: string, l: Listener): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(l);
    return () => set!.delete(l);
  }

  close() {
    this.ws.close();
  }
}
