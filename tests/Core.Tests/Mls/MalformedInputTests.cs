using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;
using Xunit;
using Xunit.Abstractions;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

/// <summary>Corrupted input must fail with an <see cref="MlsException"/>, never another exception type.</summary>
public sealed class MalformedInputTests(ITestOutputHelper output)
{
    [Fact]
    public void TruncatedAndBitFlippedMessagesFailWithTypedErrors()
    {
        using var doc = Vectors.Json("mls", "passive-client-handling-commit.json");
        var item = doc.RootElement.EnumerateArray().First(e => e.GetProperty("cipher_suite").GetInt32() == 1);
        var samples = new List<byte[]> { item.Hex("key_package"), item.Hex("welcome") };
        foreach (var e in item.GetProperty("epochs").EnumerateArray()) samples.Add(e.Hex("commit"));

        var random = new Random(9420);
        var unexpected = new List<string>();
        var attempts = 0;
        foreach (var sample in samples)
        {
            for (var cut = 0; cut < sample.Length; cut += Math.Max(1, sample.Length / 97))
            {
                attempts++;
                Expect(() => MlsMessage.Parse(sample.AsSpan(0, cut)), $"truncated at {cut}", unexpected);
            }
            for (var i = 0; i < 200; i++)
            {
                var copy = (byte[])sample.Clone();
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                attempts++;
                Expect(() => MlsMessage.Parse(copy), $"flip {i}", unexpected);
            }
        }
        output.WriteLine($"{attempts} corrupted inputs, {unexpected.Count} untyped failures");
        Assert.Empty(unexpected);
    }

    [Fact]
    public void CorruptedRatchetTreesFailWithTypedErrors()
    {
        using var doc = Vectors.Json("mls", "tree-validation.json");
        var suite = CipherSuite.FromId(1);
        var random = new Random(7);
        var unexpected = new List<string>();
        foreach (var item in doc.RootElement.EnumerateArray().Where(e => e.GetProperty("cipher_suite").GetInt32() == 1).Take(6))
        {
            var tree = item.Hex("tree");
            for (var i = 0; i < 150; i++)
            {
                var copy = (byte[])tree.Clone();
                copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                Expect(() =>
                {
                    var parsed = RatchetTree.Parse(suite, copy);
                    parsed.RootHash();
                    parsed.ParentHashesValid();
                    parsed.ValidateStructure();
                }, $"tree flip {i}", unexpected);
            }
        }
        Assert.Empty(unexpected);
    }

    [Fact]
    public void CorruptedCommitsAreRejectedAndLeaveTheGroupUnchanged()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), Bundle(suite, "alice"));
        var bobBundle = Bundle(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(Bundle(suite, "carol").KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);
        var commit = alice.Commit(forceUpdatePath: true).Commit.ToBytes();
        var random = new Random(3);
        var unexpected = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var copy = (byte[])commit.Clone();
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                bob.Process(MlsMessage.Parse(copy));
                unexpected.Add($"flip {i}: accepted");
            }
            catch (MlsException)
            {
            }
            catch (Exception ex)
            {
                unexpected.Add($"flip {i}: {ex.GetType().Name} {ex.Message}");
            }
        }
        Assert.Empty(unexpected);
        Assert.Equal(1ul, bob.Epoch);
        alice.MergePendingCommit();
        bob.Process(MlsMessage.Parse(commit));
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
    }

    private static void Expect(Action action, string what, List<string> unexpected)
    {
        try
        {
            action();
        }
        catch (MlsException)
        {
        }
        catch (Exception ex)
        {
            unexpected.Add($"{what}: {ex.GetType().Name} {ex.Message}");
        }
    }
}
