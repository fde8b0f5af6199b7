// Interop harness: drives ts-mls for Harmony's MLS tests. Reads a JSON request on stdin, writes JSON on stdout.
// Commands: keypackage, create-and-add, process, join, commit-and-send. All binary values are hex; group state is ts-mls's own encoding.
import {
  createApplicationMessage, createCommit, createGroup, joinGroup, processMessage, getCiphersuiteImpl,
  getCiphersuiteFromName, defaultCapabilities, defaultLifetime, emptyPskIndex, generateKeyPackage,
  encodeMlsMessage, decodeMlsMessage, encodeGroupState, decodeGroupState, acceptAll, mlsExporter,
} from "ts-mls";
import { defaultClientConfig } from "ts-mls/clientConfig.js";

const suites = {
  1: "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519",
  3: "MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519",
};

const hex = (b) => Buffer.from(b).toString("hex");
const bytes = (h) => new Uint8Array(Buffer.from(h, "hex"));
const text = (s) => new TextEncoder().encode(s);

function decode(h, wireformat) {
  const decoded = decodeMlsMessage(bytes(h), 0);
  if (!decoded || decoded[0].wireformat !== wireformat) throw new Error(`expected ${wireformat}`);
  return decoded[0];
}

function loadState(h) {
  const decoded = decodeGroupState(bytes(h), 0);
  if (!decoded) throw new Error("bad state");
  return { ...decoded[0], clientConfig: defaultClientConfig };
}

const saveState = (state) => hex(encodeGroupState(state));
const summary = async (state, impl) => ({
  state: saveState(state),
  epoch: state.groupContext.epoch.toString(),
  epochAuthenticator: hex(state.keySchedule.epochAuthenticator),
  exported: hex(await mlsExporter(state.keySchedule.exporterSecret, "harmony interop", text("ctx"), 32, impl)),
});

const request = JSON.parse(await new Promise((resolve) => {
  let data = "";
  process.stdin.on("data", (c) => (data += c));
  process.stdin.on("end", () => resolve(data));
}));
const impl = await getCiphersuiteImpl(getCiphersuiteFromName(suites[request.suite]));
const command = process.argv[2];
let result;

if (command === "keypackage") {
  const kp = await generateKeyPackage({ credentialType: "basic", identity: text(request.name) }, defaultCapabilities(), defaultLifetime, [], impl);
  result = {
    keyPackage: hex(encodeMlsMessage({ keyPackage: kp.publicPackage, wireformat: "mls_key_package", version: "mls10" })),
    initPrivateKey: hex(kp.privatePackage.initPrivateKey),
    hpkePrivateKey: hex(kp.privatePackage.hpkePrivateKey),
    signaturePrivateKey: hex(kp.privatePackage.signaturePrivateKey),
  };
} else if (command === "create-and-add") {
  const alice = await generateKeyPackage({ credentialType: "basic", identity: text("ts-alice") }, defaultCapabilities(), defaultLifetime, [], impl);
  let state = await createGroup(text(request.groupId), alice.publicPackage, alice.privatePackage, [], impl);
  const keyPackage = decode(request.keyPackage, "mls_key_package").keyPackage;
  const commit = await createCommit({ state, cipherSuite: impl }, {
    extraProposals: [{ proposalType: "add", add: { keyPackage } }],
    ratchetTreeExtension: true,
    wireAsPublicMessage: true,
  });
  state = commit.newState;
  const message = await createApplicationMessage(state, text(request.text), impl);
  state = message.newState;
  result = {
    welcome: hex(encodeMlsMessage({ welcome: commit.welcome, wireformat: "mls_welcome", version: "mls10" })),
    message: hex(encodeMlsMessage({ privateMessage: message.privateMessage, wireformat: "mls_private_message", version: "mls10" })),
    ...(await summary(state, impl)),
  };
} else if (command === "process") {
  let state = loadState(request.state);
  const plaintexts = [];
  for (const m of request.messages) {
    const decoded = decodeMlsMessage(bytes(m), 0)[0];
    const processed = await processMessage(decoded, state, emptyPskIndex, acceptAll, impl);
    state = processed.newState;
    if (processed.kind === "applicationMessage") plaintexts.push(new TextDecoder().decode(processed.message));
  }
  result = { plaintexts, ...(await summary(state, impl)) };
} else if (command === "join") {
  const keyPackage = decode(request.keyPackage, "mls_key_package").keyPackage;
  const welcome = decode(request.welcome, "mls_welcome").welcome;
  const privateKeys = {
    initPrivateKey: bytes(request.initPrivateKey),
    hpkePrivateKey: bytes(request.hpkePrivateKey),
    signaturePrivateKey: bytes(request.signaturePrivateKey),
  };
  const state = await joinGroup(welcome, keyPackage, privateKeys, emptyPskIndex, impl);
  result = await summary(state, impl);
} else if (command === "commit-and-send") {
  let state = loadState(request.state);
  const commit = await createCommit({ state, cipherSuite: impl }, { wireAsPublicMessage: request.public === true });
  state = commit.newState;
  const message = await createApplicationMessage(state, text(request.text), impl);
  state = message.newState;
  result = {
    commit: hex(encodeMlsMessage(commit.commit)),
    message: hex(encodeMlsMessage({ privateMessage: message.privateMessage, wireformat: "mls_private_message", version: "mls10" })),
    ...(await summary(state, impl)),
  };
} else {
  throw new Error(`unknown command ${command}`);
}

process.stdout.write(JSON.stringify(result));
