/**
 * A small WebDriver BiDi client over the WebSocket Firefox opens with
 * `--remote-debugging-port`: commands with ids, their answers, and events.
 * Only what the tests use; see https://w3c.github.io/webdriver-bidi/.
 */

/** A BiDi value as the browser serializes it (`script.RemoteValue`), for the few kinds we read. */
export interface RemoteValue {
  type: string;
  value?: unknown;
}

/** `script.evaluate` / `script.callFunction` results. */
export type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string; lineNumber?: number; columnNumber?: number } };

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type Listener = (params: Record<string, unknown>) => void;

/** A command that gets no answer in this time has hung; fail it rather than the whole test run. */
const COMMAND_TIMEOUT_MS = 60_000;

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private closedReason: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => this.failAll('the BiDi connection closed'));
    socket.addEventListener('error', () => this.failAll('the BiDi connection failed'));
  }

  /** Opens `url` (the browser's `ws://host:port` plus `/session`). */
  static async connect(url: string): Promise<BidiConnection> {
    if (typeof WebSocket === 'undefined') {
      throw new Error('no global WebSocket: on Node 20 run the end-to-end tests with --experimental-websocket (the e2e Vitest project sets it)');
    }
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`could not open the BiDi WebSocket ${url}`)), { once: true });
    });
    return new BidiConnection(socket);
  }

  /** Sends one command and resolves with its `result`, or rejects with the browser's error and message. */
  send<Result = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<Result> {
    if (this.closedReason) return Promise.reject(new Error(`${method}: ${this.closedReason}`));
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer in ${COMMAND_TIMEOUT_MS / 1000} s`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` for every event `method` (after `session.subscribe` asked for it). */
  on(method: string, listener: Listener): void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener);
  }

  close(): void {
    this.failAll('the BiDi connection was closed');
    try {
      this.socket.close();
    } catch {
      // Already closed: nothing to release.
    }
  }

  private receive(data: string): void {
    const message = JSON.parse(data) as {
      type?: string;
      id?: number;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.type === 'event' && message.method) {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {});
      return;
    }
    if (message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === 'error') pending.reject(new Error(`${pending.method}: ${message.error}: ${message.message ?? ''}`));
    else pending.resolve(message.result);
  }

  private failAll(reason: string): void {
    this.closedReason ??= reason;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`${pending.method}: ${reason}`));
      this.pending.delete(id);
    }
  }
}
