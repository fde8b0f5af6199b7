import { createStore } from 'solid-js/store';
import type { ChatMessage, CommunityInfo, ConnectionState, DirectMessageLink, MemberInfo } from './types';

/** Where the app is: no identity yet, identity locked, or unlocked. */
export type Phase = 'loading' | 'onboarding' | 'locked' | 'ready';

/** A notice shown in the banner (errors say what happened and what to do). */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

/** The whole UI state, one reactive store. */
export interface AppState {
  phase: Phase;
  did?: string;
  connection: ConnectionState;
  connectionDetail?: string;
  communities: CommunityInfo[];
  /** Direct-message conversations (docs/protocol.md GetDirectMessages). */
  dms: DirectMessageLink[];
  /** What the left panes show: a community's channels or the direct messages. */
  view: 'community' | 'dms';
  currentCommunity?: string;
  currentChannel?: string;
  /** The thread shown beside the channel: its channel id and root message id. */
  currentThread?: { channelId: string; rootId: string } | undefined;
  /** Messages by channel id, in display order (lamport, author, id). */
  messages: Record<string, ChatMessage[]>;
  members: Record<string, MemberInfo[]>;
  typing: Record<string, string[]>;
  presence: Record<string, boolean>;
  lastRead: Record<string, number>;
  displayName: string;
  notice?: Notice;
  outboxCount: number;
}

export const [state, setState] = createStore<AppState>({
  phase: 'loading',
  connection: 'offline',
  communities: [],
  dms: [],
  view: 'community',
  messages: {},
  members: {},
  typing: {},
  presence: {},
  lastRead: {},
  displayName: '',
  outboxCount: 0,
});

export const notify = (kind: Notice['kind'], text: string): void => {
  setState('notice', { kind, text });
};

/** A short, readable form of a DID for the UI. */
export const shortDid = (did: string): string => (did.length > 24 ? `${did.slice(0, 14)}…${did.slice(-6)}` : did);
