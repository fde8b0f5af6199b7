using Harmony.Grains.Abstractions.Errors;

namespace Harmony.Grains.Tests.Support;

/// <summary>Asserts a grain call is refused with a protocol error code.</summary>
public static class Refused
{
    public static async Task<GrainRequestException> WithAsync(string code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<GrainRequestException>(call);
        Assert.True(code == e.Code, $"Expected {code}, got {e.Code}: {e.Message}");
        return e;
    }
}
