using System.Globalization;

namespace Harmony.Bench.Load;

/// <summary>Command-line options of the load benchmark.</summary>
internal sealed class LoadOptions
{
    public string Scenario { get; private set; } = "all";

    /// <summary>Subscriber counts of the fan-out table (<c>--subscribers 10,100,500</c>).</summary>
    public int[] Subscribers { get; private set; } = [10, 100, 500];

    /// <summary>Offered messages/s; 0 = the scenario default (fan-out: 60,000 deliveries/s ÷ subscribers).</summary>
    public double Rate { get; private set; }

    public int Publishers { get; private set; } = 4;

    public int IngestPublishers { get; private set; } = 10;

    /// <summary>Sends in flight per publisher in the closed-loop ingest scenario.</summary>
    public int IngestWindow { get; private set; } = 64;

    /// <summary>Envelopes signed ahead per second of closed-loop ingest (the most it can acknowledge).</summary>
    public double IngestMax { get; private set; } = 12_000;

    public double Duration { get; private set; } = 5;

    public double Warmup { get; private set; } = 1;

    public int Runs { get; private set; } = 3;

    public int Size { get; private set; } = 256;

    public bool Baseline { get; private set; } = true;

    public string? ServerDll { get; private set; }

    public string? BaselineDll { get; private set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--scenario": o.Scenario = Value(); break;
                case "--subscribers": o.Subscribers = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--rate": o.Rate = Number(); break;
                case "--publishers": o.Publishers = (int)Number(); break;
                case "--ingest-publishers": o.IngestPublishers = (int)Number(); break;
                case "--window": o.IngestWindow = (int)Number(); break;
                case "--ingest-max": o.IngestMax = Number(); break;
                case "--duration": o.Duration = Number(); break;
                case "--warmup": o.Warmup = Number(); break;
                case "--runs": o.Runs = (int)Number(); break;
                case "--size": o.Size = (int)Number(); break;
                case "--no-baseline": o.Baseline = false; break;
                case "--server": o.ServerDll = Value(); break;
                case "--baseline-server": o.BaselineDll = Value(); break;
                case "-h" or "--help":
                    Console.WriteLine("""
                        bench/Load: N SignalR clients against a real Harmony node (and a raw SignalR baseline).
                          --scenario all|fanout|ingest|light   (default all)
                          --subscribers 10,100,500              fan-out table rows
                          --rate N                              offered messages/s (fan-out default 60000/S; light 200)
                          --publishers N                        publishers for fan-out and light (default 4)
                          --ingest-publishers N --window W      closed-loop ingest (default 10 × 64 in flight)
                          --ingest-max N                        envelopes signed ahead per second of ingest (default 12000)
                          --duration S --warmup S --runs R      measured seconds, warm-up seconds, runs (median)
                          --size B                              ciphertext bytes (default 256)
                          --no-baseline                         skip the raw SignalR baseline
                          --server DLL --baseline-server DLL    override the server binaries
                        """);
                    Environment.Exit(0);
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]} (--help lists them).");
            }
        }
        if (o.Scenario is not ("all" or "fanout" or "ingest" or "light")) throw new ArgumentException("--scenario is all, fanout, ingest or light.");
        if (o.Runs < 1 || o.Duration <= 0 || o.Warmup < 0 || o.Publishers < 1 || o.IngestPublishers < 1 || o.IngestWindow < 1 || o.Size < 32)
            throw new ArgumentException("Counts and durations must be positive (size at least 32).");
        return o;
    }
}
