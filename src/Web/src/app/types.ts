/** Result objects of docs/protocol.md §4.5 and the client's view models. */
export interface ChannelSummary {
  id: string;
  name: string;
  kind: number;
  categoryId?: string | null;
}
export interface CategoryInfo {
  id: string;
  name: string;
}
export interface CommunityInfo {
  id: string;
  name: string;
  owner: string;
  rootCapabilityId: string;
  open: boolean;
  channels: ChannelSummary[];
  categories: CategoryInfo[];
  memberCount: number;
}
export interface MemberInfo {
  did: string;
  joinedAt: string;
  capabilityId?: string | null;
}
/**
 * A DM conversation: the two-person channel of a closed community its opener created. The opener holds the
 * community's root capability; the peer uses the capability delegated to it (`capabilityId`) without joining.
 */
export interface DirectMessageLink {
  peer: string;
  channelId: string;
  communityId: string;
  capabilityId: string;
}
export type { MembershipEvent } from '../net/hub';
export interface LogPage {
  entries: { seq: number; envelope: string | Uint8Array; receivedAt: string }[];
  lastSeq: number;
}

/** A message as displayed. `text` is undefined when it could not be decrypted (`error` says why). */
export interface ChatMessage {
  id: string;
  seq: number;
  channelId: string;
  author: string;
  lamport: bigint;
  createdAtMs: number;
  text?: string | undefined;
  error?: string | undefined;
  replyTo?: string | undefined;
  thread?: string | undefined;
  edited: boolean;
  deleted: boolean;
  pinned: boolean;
  reactions: Record<string, string[]>;
  /** Queued locally, not yet acknowledged by the server. */
  pending: boolean;
}

export type ConnectionState = 'offline' | 'connecting' | 'online' | 'reconnecting' | 'unavailable';
