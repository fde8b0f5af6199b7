using Harmony.Core.Errors;

namespace Harmony.Cli.Mls;

/// <summary>A usage or state error of <c>harmony mls</c> (codes <c>cli.mls.*</c>).</summary>
internal sealed class MlsCliException(string code, string message) : HarmonyException(code, message);
