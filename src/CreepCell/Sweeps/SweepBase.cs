namespace CreepCell.Sweeps;

/// <summary>A base case of a sweep: its name as a sweep point writes it (the preset, or the case file's
/// path), the source named in messages and summaries, and its text.</summary>
public sealed record SweepBase(string Name, string Source, string Text);
