using Harmony.Bench.Load.Baseline;

// The raw SignalR baseline of bench/Load: the same hub surface the load generator uses (Watch, Send, the envelope
// event), with no Orleans, no crypto, no log and no auth. Send relays the bytes to the channel's group.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<SequenceCounter>();
// As many parallel calls per connection as the Harmony gateway allows by default (MaxParallelInvocationsPerConnection).
builder.Services.AddSignalR(o => o.MaximumParallelInvocationsPerClient = 16).AddMessagePackProtocol();
var app = builder.Build();
app.MapGet("/readyz", () => "ok");
app.MapHub<RawHub>("/hub");
app.Run();
