using System.Text.RegularExpressions;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;
using Xunit;

namespace Harmony.Core.Tests.Rdf;

public sealed partial class HarmonyVocabularyTests
{
    [Fact]
    public void Core_terms_have_their_stable_iris()
    {
        const string ns = "https://harmony.chat/ns#";
        Assert.Equal(ns, HarmonyVocabulary.Namespace);
        var expected = new Dictionary<Iri, string>
        {
            [HarmonyClasses.Community] = "Community", [HarmonyClasses.Channel] = "Channel", [HarmonyClasses.Category] = "Category",
            [HarmonyClasses.Member] = "Member", [HarmonyClasses.Role] = "Role", [HarmonyClasses.Capability] = "Capability",
            [HarmonyClasses.Credential] = "Credential", [HarmonyClasses.Envelope] = "Envelope", [HarmonyClasses.Thread] = "Thread",
            [HarmonyProperties.Name] = "name", [HarmonyProperties.Owner] = "owner", [HarmonyProperties.Channel] = "channel",
            [HarmonyProperties.Member] = "member", [HarmonyProperties.Role] = "role", [HarmonyProperties.CreatedAt] = "createdAt",
            [HarmonyProperties.Author] = "author", [HarmonyProperties.Lamport] = "lamport", [HarmonyProperties.Sequence] = "sequence",
            [HarmonyProperties.Ciphertext] = "ciphertext", [HarmonyProperties.Kind] = "kind", [HarmonyProperties.ReplyTo] = "replyTo",
            [HarmonyProperties.Thread] = "thread", [HarmonyProperties.AllowedAction] = "allowedAction",
            [HarmonyProperties.InvocationTarget] = "invocationTarget", [HarmonyProperties.Controller] = "controller",
            [HarmonyProperties.ParentCapability] = "parentCapability", [HarmonyEnvelopeKinds.DeleteKind] = "DeleteKind",
        };
        foreach (var (iri, local) in expected) Assert.Equal(ns + local, iri.Value);
        Assert.Equal("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", RdfVocabulary.Type.Value);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#base64Binary", XsdVocabulary.Base64Binary.Value);
    }

    [Fact]
    public void Terms_are_unique_described_and_in_the_namespace()
    {
        var terms = HarmonyVocabulary.Terms;
        Assert.True(terms.Count >= 40, $"only {terms.Count} terms");
        Assert.Equal(terms.Count, terms.Select(t => t.Iri).Distinct().Count());
        Assert.All(terms, t =>
        {
            Assert.Equal(HarmonyVocabulary.Namespace + t.LocalName, t.Iri.Value);
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.Equal(t.Kind == VocabularyTermKind.Property, char.IsLower(t.LocalName[0]));
        });
        Assert.Equal(VocabularyTermKind.Property, HarmonyVocabulary.Find(HarmonyProperties.Lamport)!.Kind);
        Assert.Null(HarmonyVocabulary.Find(new Iri("https://harmony.chat/ns#nope")));
    }

    [Fact]
    public void The_documentation_lists_exactly_the_defined_terms()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "vocabulary.md"));
        var documented = TableTerm().Matches(markdown).Select(m => m.Groups["local"].Value).ToHashSet();
        var defined = HarmonyVocabulary.Terms.Select(t => t.LocalName).ToHashSet();
        Assert.Empty(defined.Except(documented));
        Assert.Empty(documented.Except(defined));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harmony.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (Harmony.sln) not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| `harmony:(?<local>\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableTerm();
}
