// Harness for tests/Web.Tests (EnvelopeInteropTests): bundled with esbuild and run by node. Reads one JSON request on
// stdin and writes one JSON answer on stdout, so .NET can check this client's envelopes and invocations byte for byte.
import { readFileSync } from 'node:fs';
import { decodeEnvelope, encodeEnvelope, signEnvelope, verifyEnvelope, type EnvelopeKind } from '../../src/crypto/envelope';
import { fromHex, toHex } from '../../src/crypto/bytes';
import { identityFromEd25519Seed, identityFromPhrase } from '../../src/crypto/identity';
import { communityTarget, invoke, rootCapabilityId } from '../../src/crypto/zcap';

interface Request {
  op: 'sign' | 'decode' | 'invoke' | 'did';
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
}
process.stdout.write(JSON.stringify(answer));
