namespace CreepCell.Analysis.Indentation;

/// <summary>A named marker from an instrument export ("End Of Loading Index", "Hold Segment Type", ...) at a row.</summary>
public sealed record SegmentMarker(int Index, string Name);
