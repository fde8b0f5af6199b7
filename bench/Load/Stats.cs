namespace Harmony.Bench.Load;

/// <summary>Medians and percentiles.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile([.. values], 50);

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (sorted in place).</summary>
    public static double Percentile(double[] values, double percentile)
    {
        if (values.Length == 0) return double.NaN;
        Array.Sort(values);
        var rank = (int)Math.Ceiling(percentile / 100 * values.Length);
        return values[Math.Clamp(rank - 1, 0, values.Length - 1)];
    }
}
