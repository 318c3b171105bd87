namespace CreepCell.Sweeps;

/// <summary>A key varied over a list of values (as written: numbers, or strings with units).</summary>
public sealed record SweepList(string Key, IReadOnlyList<object> Values);
