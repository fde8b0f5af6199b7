using Harmony.Gateway.Hosting;
using Harmony.Grains.Storage;
using Harmony.Silo.Hosting;

// Configuration and static files live beside the binaries, whatever the working directory (which holds ./data).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Loopback by default so a fresh node is not exposed; --urls / ASPNETCORE_URLS / "urls" configuration override it.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}
// A relative data directory means "under the directory the operator started the node from", so ./data lands there
// and not beside the binaries (the content root).
var dataDirectory = builder.Configuration["Harmony:DataDirectory"] ?? "./data";
builder.Configuration["Harmony:DataDirectory"] = Path.GetFullPath(dataDirectory, Environment.CurrentDirectory);
builder.AddHarmonyNode();
builder.Services.AddHarmonyGateway(builder.Configuration);
builder.Services.AddHarmonyReadinessProbe<IMessageLogStore>("storage", (store, ct) => store.MaxSeqAsync("readyz-probe", ct));

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHarmonyGateway();
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
