namespace CreepCell.Analysis.Voltammetry;

public sealed record SeriesResult(IReadOnlyList<RatePoint> Points, PeakSeries Anodic, PeakSeries Cathodic,
    IReadOnlyList<DunnRow> Dunn, IReadOnlyList<DunnFraction> Fractions, RandlesSevcikInputs Inputs);
