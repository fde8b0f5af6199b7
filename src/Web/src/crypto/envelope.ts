import { sha256 } from '@noble/hashes/sha2.js';
import { concat, fromUtf8, toBase64Url, utf8 } from './bytes';
import { parseDidKey } from './didKey';
import { HarmonyError } from './errors';
import { verifyEd25519, type Identity } from './identity';

/** Envelope kinds (docs/protocol.md §2.1). */
export const EnvelopeKind = {
  Message: 1,
  Edit: 2,
  Delete: 3,
  ReactionAdd: 4,
  ReactionRemove: 5,
  Pin: 6,
  Unpin: 7,
  Handshake: 8,
} as const;
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

/** The fields of an envelope before signing. */
export interface EnvelopeFields {
  readonly version?: number;
  readonly channel: string;
  readonly author: string;
  readonly lamport: bigint;
  readonly kind: EnvelopeKind;
  readonly createdAtMs: bigint;
  readonly thread?: string | undefined;
  readonly replyTo?: string | undefined;
  readonly target?: string | undefined;
  readonly ciphertext: Uint8Array;
}

/** A signed envelope with its derived id. */
export interface SignedEnvelope extends EnvelopeFields {
  readonly version: number;
  readonly signature: Uint8Array;
  readonly id: string;
}

/** Limits applied when decoding (defaults match Harmony.Core.Protocol.ProtocolLimits). */
export interface EnvelopeLimits {
  readonly maxEnvelopeBytes: number;
  readonly maxIdentifierBytes: number;
}
export const DEFAULT_ENVELOPE_LIMITS: EnvelopeLimits = { maxEnvelopeBytes: 256 * 1024, maxIdentifierBytes: 512 };

const DOMAIN = utf8('harmony.envelope.v1\0');
const SIGNATURE_SIZE = 64;
const KINDS = new Set<number>(Object.values(EnvelopeKind));

const invalid = (why: string): HarmonyError => new HarmonyError('InvalidEnvelope', `Malformed envelope: ${why}.`);

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

function u64(n: bigint, signed: boolean): Uint8Array {
  const b = new Uint8Array(8);
  const view = new DataView(b.buffer);
  if (signed) view.setBigInt64(0, BigInt.asIntN(64, n), false);
  else view.setBigUint64(0, BigInt.asUintN(64, n), false);
  return b;
}

const bytesField = (data: Uint8Array): Uint8Array => concat(u32(data.length), data);
const str = (s: string): Uint8Array => bytesField(utf8(s));
const opt = (s: string | undefined): Uint8Array => (s === undefined ? new Uint8Array([0]) : concat(new Uint8Array([1]), str(s)));

/** The body bytes: u8 version ‖ str channel ‖ str author ‖ u64 lamport ‖ u8 kind ‖ i64 createdAtMs ‖ opt thread ‖ opt replyTo ‖ opt target ‖ bytes ciphertext. */
export function envelopeBody(e: EnvelopeFields): Uint8Array {
  if (e.lamport < 0n || e.lamport >= 1n << 64n) throw invalid('lamport out of range');
  return concat(
    new Uint8Array([e.version ?? 1]),
    str(e.channel),
    str(e.author),
    u64(e.lamport, false),
    new Uint8Array([e.kind]),
    u64(e.createdAtMs, true),
    opt(e.thread),
    opt(e.replyTo),
    opt(e.target),
    bytesField(e.ciphertext),
  );
}

/** "harmony.envelope.v1" ‖ 0x00 ‖ body: the bytes that are signed and hashed. */
export const signingBytes = (e: EnvelopeFields): Uint8Array => concat(DOMAIN, envelopeBody(e));

/** base64url(SHA-256(signing bytes)). */
export const envelopeId = (signing: Uint8Array): string => toBase64Url(sha256(signing));

/** Signs an envelope with the author's identity; the author field must be that identity's DID. */
export function signEnvelope(fields: EnvelopeFields, author: Identity): SignedEnvelope {
  if (fields.author !== author.did) throw new HarmonyError('InvalidEnvelope', 'The signing key is not the envelope author\'s key.');
  const signing = signingBytes(fields);
  return { ...fields, version: fields.version ?? 1, signature: author.sign(signing), id: envelopeId(signing) };
}

/** body ‖ signature. */
export function encodeEnvelope(e: SignedEnvelope): Uint8Array {
  if (e.signature.length !== SIGNATURE_SIZE) throw new HarmonyError('InvalidEnvelope', 'The envelope is not signed.');
  return concat(envelopeBody(e), e.signature);
}

/** Whether the author (an Ed25519 did:key) signed the envelope and its id matches. */
export function verifyEnvelope(e: SignedEnvelope): boolean {
  let key: Uint8Array;
  try {
    const did = parseDidKey(e.author);
    if (did.type !== 'Ed25519') return false;
    key = did.publicKey;
  } catch {
    return false;
  }
  const signing = signingBytes(e);
  return envelopeId(signing) === e.id && verifyEd25519(key, signing, e.signature);
}

/** Decodes (without verifying) and computes the id; throws HarmonyError('InvalidEnvelope' | 'TooLarge'). */
export function decodeEnvelope(bytes: Uint8Array, limits: EnvelopeLimits = DEFAULT_ENVELOPE_LIMITS): SignedEnvelope {
  if (bytes.length > limits.maxEnvelopeBytes)
    throw new HarmonyError('TooLarge', `Envelope of ${bytes.length} bytes exceeds the limit of ${limits.maxEnvelopeBytes}.`);
  if (bytes.length < SIGNATURE_SIZE + 1) throw invalid('too short');
  const body = bytes.subarray(0, bytes.length - SIGNATURE_SIZE);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let pos = 0;
  const take = (n: number): Uint8Array => {
    if (n < 0 || body.length - pos < n) throw invalid('truncated');
    const out = body.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const u8 = (): number => take(1)[0]!;
  const len = (): number => {
    take(4);
    return view.getUint32(pos - 4, false);
  };
  const readStr = (): string => {
    const n = len();
    if (n > limits.maxIdentifierBytes) throw invalid('identifier too long');
    try {
      return fromUtf8(take(n));
    } catch {
      throw invalid('invalid UTF-8');
    }
  };
  const readOpt = (): string | undefined => {
    const flag = u8();
    if (flag === 0) return undefined;
    if (flag === 1) return readStr();
    throw invalid('bad optional flag');
  };
  const version = u8();
  if (version !== 1) throw invalid(`unsupported version ${version}`);
  const channel = readStr();
  const author = readStr();
  take(8);
  const lamport = view.getBigUint64(pos - 8, false);
  const kind = u8();
  if (!KINDS.has(kind)) throw invalid(`unknown kind ${kind}`);
  take(8);
  const createdAtMs = view.getBigInt64(pos - 8, false);
  const thread = readOpt();
  const replyTo = readOpt();
  const target = readOpt();
  const ciphertext = take(len()).slice();
  if (pos !== body.length) throw invalid('trailing bytes');
  return {
    version,
    channel,
    author,
    lamport,
    kind: kind as EnvelopeKind,
    createdAtMs,
    thread,
    replyTo,
    target,
    ciphertext,
    signature: bytes.slice(bytes.length - SIGNATURE_SIZE),
    id: envelopeId(concat(DOMAIN, body)),
  };
}
