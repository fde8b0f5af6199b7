namespace Harmony.Client.Tests.Chat;

/// <summary>The chat tests share one node.</summary>
[CollectionDefinition(Name)]
public sealed class ChatCollection : ICollectionFixture<ChatNodeFixture>
{
    public const string Name = "chat-node";
}
