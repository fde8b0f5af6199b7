using Harmony.Silo.Hosting;

// The web client is built into the output folder by src/Web/Web.targets, so its wwwroot sits next to the binaries.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
builder.AddHarmonyNode();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var line in HarmonyStartupBanner.Describe(app.Services))
    {
        Console.WriteLine(line);
    }
});
app.Run();

/// <summary>Entry point type, public so test hosts can start the node in-process.</summary>
public partial class Program;
