namespace CreepCell.Analysis.Pores;

/// <summary>What to write besides the tables.</summary>
/// <param name="Overlays">One overlay PNG per frame under overlays/.</param>
/// <param name="PlotPores">How many of the largest first-frame pores the relative-area plots show.</param>
/// <param name="CompareFrames">Frames of the bar chart of relative areas; null picks up to five spread over the sequence.</param>
/// <param name="ReferenceArea">A relative area to mark in the plots, e.g. 0.78: the paper's expected pore size at the end
/// of charge without creep (22 % residual lithiation).</param>
public sealed record PoreReportOptions(bool Overlays = true, int PlotPores = 20, IReadOnlyList<int>? CompareFrames = null, double? ReferenceArea = null);
