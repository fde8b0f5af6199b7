namespace Harmony.Grains.Storage.Schema;

/// <summary>One embedded SQL set-up script.</summary>
/// <param name="Name">The file name, e.g. <c>002-orleans-persistence.sql</c>; scripts run in name order.</param>
/// <param name="Sql">The script text.</param>
public sealed record SchemaScript(string Name, string Sql);
