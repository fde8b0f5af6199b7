using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>What a verified proof tells its caller: the proof object (for challenge and domain) and its creation time.</summary>
internal sealed record CheckedProof(JsonObject Proof, DateTimeOffset? Created);
