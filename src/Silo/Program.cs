using Harmony.Gateway.Hosting;
using Harmony.Grains.Storage;
using Harmony.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHarmonyNode();
builder.Services.AddHarmonyGateway(builder.Configuration);
builder.Services.AddHarmonyReadinessProbe<IMessageLogStore>("storage", (store, ct) => store.MaxSeqAsync("readyz-probe", ct));

var app = builder.Build();
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
