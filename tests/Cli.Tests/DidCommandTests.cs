using System.Text.Json;
using Xunit;

namespace Harmony.Cli.Tests;

public sealed class DidCommandTests
{
    [Fact]
    public async Task Resolve_prints_the_document()
    {
        // did-method-key vector for the all-zero Ed25519 seed and its derived X25519 key.
        const string did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        var result = await CliRunner.RunAsync(["did", "resolve", did]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(did, root.GetProperty("id").GetString());
        Assert.Equal("https://w3id.org/security/multikey/v1", root.GetProperty("@context")[1].GetString());
        Assert.Equal("Multikey", root.GetProperty("verificationMethod")[0].GetProperty("type").GetString());
        Assert.Equal(did + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW", root.GetProperty("keyAgreement")[0].GetString());
        Assert.Equal(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", root.GetProperty("authentication")[0].GetString());
    }

    [Theory]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0", "did.malformed")]
    [InlineData("did:web:example.com", "did.unsupported_method")]
    [InlineData("not-a-did", "did.malformed")]
    public async Task Malformed_dids_exit_2(string did, string code)
    {
        var result = await CliRunner.RunAsync(["did", "resolve", did]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(code, result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
