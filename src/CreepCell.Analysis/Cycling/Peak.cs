namespace CreepCell.Analysis.Cycling;

/// <summary>A peak of a sampled curve: position (parabola through the top sample and its neighbours), height and prominence.</summary>
internal sealed record Peak(double Position, double Height, double Prominence, int Index);
