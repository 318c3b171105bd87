namespace CreepCell.Sweeps;

/// <summary>A key sampled over [From, To] (SI), uniformly or uniformly in its logarithm; sampled values
/// are written back in <see cref="Unit"/> (the unit of the range as written; empty for plain numbers).</summary>
public sealed record SweepRange(string Key, double From, double To, bool Log, string Unit, double UnitFactor);
