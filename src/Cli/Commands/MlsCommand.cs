using System.CommandLine;
using System.Text;
using Harmony.Cli.Mls;
using Harmony.Core.Encoding;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;

namespace Harmony.Cli.Commands;

/// <summary>
/// <c>harmony mls …</c>: a stand-alone MLS (RFC 9420) client over files of TLS-encoded MLSMessages, keeping its
/// private keys and group in an encrypted state file (<see cref="MlsStateFile"/>). Commits are merged as soon as they
/// are written: the tool assumes the delivery service accepts them.
/// </summary>
internal static class MlsCommand
{
    // Failures that mean "this message is not authentic" rather than "bad usage": exit 1.
    private static readonly HashSet<string> AuthenticityFailures =
    [
        "mls.aead", "mls.message.signature", "mls.message.membership_tag", "mls.commit.confirmation_tag",
        "mls.welcome.signature", "mls.welcome.tree_hash", "mls.welcome.parent_hash", "mls.welcome.confirmation_tag",
        "mls.key_package.signature", "mls.leaf_node.signature",
    ];

    public static Command Build()
    {
        var command = new Command("mls", "A stand-alone MLS client over files (key packages, commits, welcomes, messages) with an encrypted state file.");
        command.Subcommands.Add(BuildKeyPackage());
        var group = new Command("group", "Create a group.");
        group.Subcommands.Add(BuildCreate());
        command.Subcommands.Add(group);
        command.Subcommands.Add(BuildAdd());
        command.Subcommands.Add(BuildJoin());
        command.Subcommands.Add(BuildEncrypt());
        command.Subcommands.Add(BuildDecrypt());
        command.Subcommands.Add(BuildRemove());
        command.Subcommands.Add(BuildUpdate());
        command.Subcommands.Add(BuildStatus());
        return command;
    }

    private static Option<ushort> SuiteOption() => new("--suite") { Description = "MLS cipher suite: 1 (AES-128-GCM) or 3 (ChaCha20-Poly1305).", DefaultValueFactory = _ => 3 };

    private static Option<string> FileOption(string name, string description) => new(name) { Description = description, Required = true };

    // Runs an action with an open session; MLS authenticity failures exit 1, other typed errors reach CliApp (exit 2).
    private static Command WithSession(Command command, MlsIdentityOptions options, Func<ParseResult, MlsSession, int> action)
    {
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var session = MlsSession.Open(parse, options);
            try
            {
                return action(parse, session);
            }
            catch (MlsException e) when (AuthenticityFailures.Contains(e.Code))
            {
                CliOutput.Message($"error [{e.Code}]: {e.Message}");
                return ExitCodes.VerificationFailed;
            }
        });
        return command;
    }

    private static Command BuildKeyPackage()
    {
        var suite = SuiteOption();
        var output = FileOption("--out", "Where to write the KeyPackage (an MLSMessage).");
        var lifetime = new Option<int>("--valid-days") { Description = "KeyPackage lifetime in days.", DefaultValueFactory = _ => 30 };
        var command = new Command("keypackage", "Create a KeyPackage for others to add you; its private keys stay in the state.") { suite, output, lifetime };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var suiteId = parse.GetValue(suite);
            var days = parse.GetValue(lifetime);
            if (days is < 1 or > 365) throw new MlsCliException("cli.mls.lifetime", "--valid-days must be between 1 and 365.");
            var state = session.StateFor(RequireSuite(suiteId));
            var bundle = NewBundle(CipherSuite.FromId(suiteId), session.Identity, TimeSpan.FromDays(days));
            state.KeyPackages.Add(new StoredKeyPackage(Base64Url.Encode(bundle.KeyPackage.ToBytes()), Base64Url.Encode(bundle.InitPrivateKey), Base64Url.Encode(bundle.EncryptionPrivateKey)));
            var message = new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bundle.KeyPackage };
            File.WriteAllBytes(parse.GetValue(output)!, message.ToBytes());
            session.Save();
            CliOutput.Json(new { did = session.Identity.Did, suite = suiteId, pendingKeyPackages = state.KeyPackages.Count });
            return ExitCodes.Ok;
        });
    }

    private static Command BuildCreate()
    {
        var suite = SuiteOption();
        var groupId = new Option<string>("--group-id") { Description = "The group id (UTF-8 text).", Required = true };
        var command = new Command("create", "Create a group with yourself as the only member.") { suite, groupId };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var suiteId = RequireSuite(parse.GetValue(suite));
            session.StateFor(suiteId);
            if (session.HasGroup) throw new MlsCliException("cli.mls.group_exists", "This state already holds a group; use another --state file.");
            var id = parse.GetValue(groupId)!;
            if (id.Length is 0 or > 255) throw new MlsCliException("cli.mls.group_id", "--group-id must have 1 to 255 characters.");
            var group = MlsGroup.Create(CipherSuite.FromId(suiteId), Encoding.UTF8.GetBytes(id), NewBundle(CipherSuite.FromId(suiteId), session.Identity, TimeSpan.FromDays(30)));
            session.SetGroup(group);
            session.Save();
            CliOutput.Json(Status(session.Identity, group));
            return ExitCodes.Ok;
        });
    }

    private static Command BuildAdd()
    {
        var keyPackages = new Option<string[]>("--key-package") { Description = "A KeyPackage file to add (repeatable).", Required = true };
        var commitOut = FileOption("--commit-out", "Where to write the Commit.");
        var welcomeOut = FileOption("--welcome-out", "Where to write the Welcome for the new members.");
        var command = new Command("add", "Commit adding members from their KeyPackages; writes the Commit and the Welcome.") { keyPackages, commitOut, welcomeOut };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var group = session.Group();
            var proposals = new List<Proposal>();
            foreach (var path in parse.GetValue(keyPackages)!)
            {
                var message = MlsMessage.Parse(MlsSession.ReadInput(path));
                var keyPackage = message.KeyPackage ?? throw new MlsCliException("cli.mls.input", $"{path} is not a KeyPackage.");
                proposals.Add(new AddProposal(keyPackage));
            }
            var output = group.Commit(proposals);
            group.MergePendingCommit();
            File.WriteAllBytes(parse.GetValue(commitOut)!, output.Commit.ToBytes());
            File.WriteAllBytes(parse.GetValue(welcomeOut)!, output.Welcome!.ToBytes());
            session.Save();
            CliOutput.Json(Status(session.Identity, group));
            return ExitCodes.Ok;
        });
    }

    private static Command BuildJoin()
    {
        var welcome = FileOption("--welcome", "The Welcome file.");
        var command = new Command("join", "Join a group from a Welcome made for one of your KeyPackages.") { welcome };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var state = session.State ?? throw new MlsCliException("cli.mls.no_key_package", "This state has no KeyPackage; run keypackage first.");
            if (session.HasGroup) throw new MlsCliException("cli.mls.group_exists", "This state already holds a group; use another --state file.");
            var message = MlsMessage.Parse(MlsSession.ReadInput(parse.GetValue(welcome)!));
            var w = message.Welcome ?? throw new MlsCliException("cli.mls.input", "The file is not a Welcome.");
            foreach (var stored in state.KeyPackages)
            {
                var keyPackage = MlsEncoding.Decode(Base64Url.Decode(stored.KeyPackage), KeyPackage.Decode);
                var bundle = new KeyPackageBundle(keyPackage, Base64Url.Decode(stored.InitPrivateKey), Base64Url.Decode(stored.EncryptionPrivateKey), session.Identity.Seed.ToArray());
                MlsGroup group;
                try
                {
                    group = MlsGroup.Join(w, bundle);
                }
                catch (MlsException e) when (e.Code == "mls.welcome.not_for_us")
                {
                    continue;
                }
                // A KeyPackage is single-use: its init key must not serve a second Welcome.
                state.KeyPackages.Remove(stored);
                session.SetGroup(group);
                session.Save();
                CliOutput.Json(Status(session.Identity, group));
                return ExitCodes.Ok;
            }
            throw new MlsCliException("mls.welcome.not_for_us", "The Welcome is not for any KeyPackage in this state.");
        });
    }

    private static Command BuildEncrypt()
    {
        var input = FileOption("--in", "The plaintext file.");
        var output = FileOption("--out", "Where to write the PrivateMessage.");
        var command = new Command("encrypt", "Encrypt a file as an application message for the group.") { input, output };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var group = session.Group();
            var message = group.EncryptApplication(MlsSession.ReadInput(parse.GetValue(input)!));
            File.WriteAllBytes(parse.GetValue(output)!, message.ToBytes());
            session.Save();
            CliOutput.Json(new { epoch = group.Epoch });
            return ExitCodes.Ok;
        });
    }

    private static Command BuildDecrypt()
    {
        var input = FileOption("--in", "The MLS message (application message, proposal or commit).");
        var output = new Option<string>("--out") { Description = "Where to write the plaintext of an application message (required for those)." };
        var command = new Command("decrypt", "Process a group message: decrypt application data, cache a proposal, or apply a commit.") { input, output };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var group = session.Group();
            var bytes = MlsSession.ReadInput(parse.GetValue(input)!);
            var outPath = parse.GetValue(output);
            // Checked before processing: decrypting consumes the message key, so a retry could not read it again.
            if (outPath is null && DeliveryInfo.Read(bytes).ContentType == ContentType.Application)
                throw new MlsCliException("cli.mls.out_required", "This is an application message: give --out for its plaintext.");
            var processed = group.Process(MlsMessage.Parse(bytes));
            var sender = processed.SenderType == SenderType.Member ? SenderDid(group, processed.SenderLeaf) : null;
            if (processed.Kind == ProcessedMessageKind.Application) File.WriteAllBytes(outPath!, processed.ApplicationData!);
            session.Save();
            CliOutput.Json(new
            {
                kind = processed.Kind.ToString().ToLowerInvariant(),
                senderLeaf = processed.SenderLeaf,
                sender,
                epoch = group.Epoch,
                active = group.IsActive,
            });
            return ExitCodes.Ok;
        });
    }

    private static Command BuildRemove()
    {
        var member = new Option<string>("--member") { Description = "The member to remove: its leaf index or its DID.", Required = true };
        var commitOut = FileOption("--commit-out", "Where to write the Commit.");
        var command = new Command("remove", "Commit removing a member.") { member, commitOut };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var group = session.Group();
            var leaf = ResolveMember(group, parse.GetValue(member)!);
            if (leaf == group.OwnLeafIndex) throw new MlsCliException("cli.mls.remove_self", "A member cannot commit its own removal.");
            var output = group.Commit([new RemoveProposal(leaf)]);
            group.MergePendingCommit();
            File.WriteAllBytes(parse.GetValue(commitOut)!, output.Commit.ToBytes());
            session.Save();
            CliOutput.Json(Status(session.Identity, group));
            return ExitCodes.Ok;
        });
    }

    private static Command BuildUpdate()
    {
        var commitOut = FileOption("--commit-out", "Where to write the Commit.");
        var command = new Command("update", "Commit a fresh path (new leaf and path keys, for post-compromise security).") { commitOut };
        return WithSession(command, new MlsIdentityOptions(), (parse, session) =>
        {
            var group = session.Group();
            var output = group.Commit(forceUpdatePath: true);
            group.MergePendingCommit();
            File.WriteAllBytes(parse.GetValue(commitOut)!, output.Commit.ToBytes());
            session.Save();
            CliOutput.Json(Status(session.Identity, group));
            return ExitCodes.Ok;
        });
    }

    private static Command BuildStatus()
    {
        var command = new Command("status", "Show the group: epoch, members, epoch authenticator.");
        return WithSession(command, new MlsIdentityOptions(), (_, session) =>
        {
            CliOutput.Json(Status(session.Identity, session.Group()));
            return ExitCodes.Ok;
        });
    }

    private static ushort RequireSuite(ushort suite) => suite is 1 or 3
        ? suite
        : throw new MlsCliException("cli.mls.suite", "--suite must be 1 or 3.");

    private static KeyPackageBundle NewBundle(CipherSuite suite, MlsCliIdentity identity, TimeSpan validFor)
        => KeyPackageBundle.Create(suite, Credential.Basic(Encoding.UTF8.GetBytes(identity.Did)), identity.Seed.ToArray(), DateTimeOffset.UtcNow.AddMinutes(-5), validFor);

    private static uint ResolveMember(MlsGroup group, string member)
    {
        var members = group.Members;
        if (uint.TryParse(member, out var leaf))
            return members.Any(m => m.Leaf == leaf) ? leaf : throw new MlsCliException("cli.mls.member", $"Leaf {leaf} is not a member.");
        var matches = members.Where(m => Encoding.UTF8.GetString(m.Credential.Identity) == member).ToList();
        return matches.Count == 1 ? matches[0].Leaf : throw new MlsCliException("cli.mls.member", $"{member} is not a member.");
    }

    private static string? SenderDid(MlsGroup group, uint leaf)
    {
        var match = group.Members.FirstOrDefault(m => m.Leaf == leaf);
        return match.Credential is null ? null : Encoding.UTF8.GetString(match.Credential.Identity);
    }

    private static object Status(MlsCliIdentity identity, MlsGroup group) => new
    {
        did = identity.Did,
        groupId = Encoding.UTF8.GetString(group.GroupId),
        suite = group.Suite.Id,
        epoch = group.Epoch,
        ownLeaf = group.OwnLeafIndex,
        active = group.IsActive,
        epochAuthenticator = group.IsActive ? Convert.ToHexStringLower(group.EpochAuthenticator) : null,
        members = group.IsActive ? group.Members.Select(m => new { leaf = m.Leaf, did = Encoding.UTF8.GetString(m.Credential.Identity) }).ToArray() : [],
    };
}
