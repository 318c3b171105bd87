namespace CreepCell.Analysis.Voltammetry;

/// <summary>
/// A voltammogram as read from a file: the samples in acquisition order, the scan rate (V/s) when the
/// export states it or the user gave it, and where that rate came from.
/// </summary>
public sealed record Voltammogram(string Source, string Format, double? ScanRate, string ScanRateOrigin, IReadOnlyList<CvPoint> Points)
{
    public Voltammogram WithScanRate(double rate, string origin) => this with { ScanRate = rate, ScanRateOrigin = origin };

    /// <summary>Currents multiplied by -1, for exports that write cathodic current as positive.</summary>
    public Voltammogram Negated() => this with { Points = Points.Select(p => p with { Current = -p.Current }).ToList() };
}
