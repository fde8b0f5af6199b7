import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { parseServerError } from './errors';

/** Hub events of docs/protocol.md §4.5. */
export interface EnvelopeEvent {
  channelId: string;
  seq: number;
  envelope: string | Uint8Array;
}
export interface TypingEvent {
  channelId: string;
  did: string;
}
export interface PresenceEvent {
  did: string;
  online: boolean;
  connections: number;
  lastSeen?: string;
}

export interface MembershipEvent {
  channelId: string;
  did: string;
  joined: boolean;
}

/** Handlers the app registers on the connection. */
export interface HubHandlers {
  envelope(e: EnvelopeEvent): void;
  typing(e: TypingEvent): void;
  presence(e: PresenceEvent): void;
  membership(e: MembershipEvent): void;
  state(state: 'connecting' | 'online' | 'reconnecting' | 'offline'): void;
}

/** The SignalR connection to /hub with the session token (access_token query for WebSockets). */
export class Hub {
  private readonly connection: HubConnection;

  constructor(base: string, token: () => Promise<string>, handlers: HubHandlers) {
    this.connection = new HubConnectionBuilder()
      .withUrl(base + '/hub', { accessTokenFactory: token })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('envelope', handlers.envelope);
    this.connection.on('typing', handlers.typing);
    this.connection.on('presence', handlers.presence);
    this.connection.on('membership', handlers.membership);
    this.connection.onreconnecting(() => handlers.state('reconnecting'));
    this.connection.onreconnected(() => handlers.state('online'));
    this.connection.onclose(() => handlers.state('offline'));
  }

  get online(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  async start(): Promise<void> {
    await this.connection.start();
  }

  async stop(): Promise<void> {
    await this.connection.stop();
  }

  /** Invokes a hub method; a refusal becomes a ServerError with the code of §4.6. */
  async call<T>(method: string, ...args: unknown[]): Promise<T> {
    try {
      return await this.connection.invoke<T>(method, ...args);
    } catch (e) {
      throw parseServerError(e instanceof Error ? e.message : String(e));
    }
  }
}
