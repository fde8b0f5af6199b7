// Harness for tests/Web.Tests (EnvelopeInteropTests): bundled with esbuild and run by node. Reads one JSON request on
// stdin and writes one JSON answer on stdout, so .NET can check this client's envelopes and invocations byte for byte.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dbEntries, dbPut } from '../../src/storage/db';
import { addMembers, applyHandshake, createChannelGroup, decrypt, encrypt, group, memberDids, newKeyPackages } from '../../src/mls/groups';
import { decodeEnvelope, encodeEnvelope, signEnvelope, verifyEnvelope, type EnvelopeKind } from '../../src/crypto/envelope';
import { fromHex, toHex } from '../../src/crypto/bytes';
import { identityFromEd25519Seed, identityFromPhrase } from '../../src/crypto/identity';
import { communityTarget, invoke, rootCapabilityId } from '../../src/crypto/zcap';
import { useMlsSigner } from '../../src/mls/signer';

interface Request {
  op: 'sign' | 'decode' | 'invoke' | 'did' | 'mls-create-add' | 'mls-keypackage' | 'mls-join-decrypt' | 'mls-decrypt';
  did?: string;
  keyPackage?: string;
  welcome?: string;
  messages?: string[];
  text?: string;
  /** The web client's IndexedDB `kv` entries from an earlier call (hex values), so MLS state spans calls. */
  kv?: [string, string][];
  seed?: string;
  phrase?: string;
  channel?: string;
  lamport?: string;
  kind?: number;
  createdAtMs?: string;
  thread?: string | null;
  replyTo?: string | null;
  target?: string | null;
  ciphertext?: string;
  encoded?: string;
  community?: string;
  name?: string;
}

const req = JSON.parse(readFileSync(0, 'utf8')) as Request;
// MLS operations sign with the member's DID key (src/mls/signer.ts): the request's seed is that member.
if (req.op.startsWith('mls-')) useMlsSigner(identityFromEd25519Seed(fromHex(req.seed!)));

/** Device state (group states, KeyPackage private keys) as hex, to hand to the next call. */
async function dumpKv(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const [k, v] of await dbEntries<unknown>('kv')) {
    if (v instanceof Uint8Array) out.push([k, 'b:' + toHex(v)]);
    else out.push([k, 'j:' + JSON.stringify(v, (_, x: unknown) => (x instanceof Uint8Array ? { $hex: toHex(x) } : x))]);
  }
  return out;
}

async function loadKv(entries: [string, string][] | undefined): Promise<void> {
  for (const [k, v] of entries ?? []) {
    const value = v.startsWith('b:') ? fromHex(v.slice(2))
      : JSON.parse(v.slice(2), (_, x: unknown) => (x && typeof x === 'object' && '$hex' in x ? fromHex((x as { $hex: string }).$hex) : x));
    await dbPut('kv', k, value);
  }
}
const opt = (v: string | null | undefined): string | undefined => (v === null || v === undefined ? undefined : v);
let answer: unknown;
switch (req.op) {
  case 'sign': {
    const id = identityFromEd25519Seed(fromHex(req.seed!));
    const env = signEnvelope({
      channel: req.channel!, author: id.did, lamport: BigInt(req.lamport!), kind: req.kind as EnvelopeKind,
      createdAtMs: BigInt(req.createdAtMs!), thread: opt(req.thread), replyTo: opt(req.replyTo), target: opt(req.target),
      ciphertext: fromHex(req.ciphertext!),
    }, id);
    answer = { encoded: toHex(encodeEnvelope(env)), id: env.id, author: id.did };
    break;
  }
  case 'decode': {
    const env = decodeEnvelope(fromHex(req.encoded!));
    answer = {
      valid: verifyEnvelope(env), id: env.id, channel: env.channel, author: env.author, lamport: env.lamport.toString(), kind: env.kind,
      createdAtMs: env.createdAtMs.toString(), thread: env.thread ?? null, replyTo: env.replyTo ?? null, target: env.target ?? null,
      ciphertext: toHex(env.ciphertext),
    };
    break;
  }
  case 'invoke': {
    const id = identityFromEd25519Seed(fromHex(req.seed!));
    const target = communityTarget(req.community!);
    answer = { did: id.did, invocation: invoke(id, { capability: rootCapabilityId(target), action: 'Create', target, members: { name: req.name! } }) };
    break;
  }
  case 'did':
    answer = { did: identityFromPhrase(req.phrase!).did };
    break;
  case 'mls-create-add': {
    // The web client creates a channel group, adds the given KeyPackage and sends a message.
    await createChannelGroup(req.channel!);
    const added = await addMembers(req.channel!, [fromHex(req.keyPackage!)]);
    const message = await encrypt(req.channel!, new TextEncoder().encode(req.text!));
    answer = { commit: toHex(added!.commit), welcome: toHex(added!.welcome), message: toHex(message), members: memberDids((await group(req.channel!))!), kv: await dumpKv() };
    break;
  }
  case 'mls-decrypt': {
    await loadKv(req.kv);
    const plaintexts: string[] = [];
    for (const m of req.messages ?? []) plaintexts.push(new TextDecoder().decode(await decrypt(req.channel!, fromHex(m))));
    answer = { plaintexts };
    break;
  }
  case 'mls-keypackage': {
    const [kp] = await newKeyPackages(1);
    answer = { keyPackage: toHex(kp!), kv: await dumpKv() };
    break;
  }
  case 'mls-join-decrypt': {
    await loadKv(req.kv);
    let refused: string | null = null;
    try {
      await applyHandshake(req.channel!, fromHex(req.welcome!));
    } catch (e) {
      refused = e instanceof Error ? `${(e as { code?: string }).code ?? ''}: ${e.message}` : String(e);
    }
    const state = await group(req.channel!);
    const plaintexts: string[] = [];
    if (state) for (const m of req.messages ?? []) plaintexts.push(new TextDecoder().decode(await decrypt(req.channel!, fromHex(m))));
    answer = { joined: state !== undefined, refused, members: state ? memberDids(state) : [], plaintexts };
    break;
  }
}
process.stdout.write(JSON.stringify(answer));
