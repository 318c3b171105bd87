namespace CreepCell.Simulation;

/// <summary>
/// The [protocol.jump] table: cycle jumping over a long galvanostatic protocol. After a few cycles
/// computed in full, the slowly varying state is extrapolated over Delta N cycles, the step after the
/// jump re-establishes equilibrium, and the next full cycle checks the extrapolation (docs/long-horizon.md).
/// </summary>
public sealed record JumpSpec
{
    /// <summary>Runs with more cycles than this jump unless the case says otherwise.</summary>
    public const int DefaultFromCycles = 50;

    public bool Enabled { get; init; }
    /// <summary>Allowed extrapolation error: in fraction units (0.005 = 0.5 points) for contact ratios,
    /// contact fractions and porosity; relative for mean stresses and mean creep strains.</summary>
    public double Tolerance { get; init; } = 0.005;
    /// <summary>Cycles computed in full from the start before the first jump.</summary>
    public int FirstAfter { get; init; } = 5;
    /// <summary>Cycles computed in full after each jump (the first checks it; at least 2, so that the
    /// next jump measures its trend on cycles computed in full).</summary>
    public int FullCyclesBetween { get; init; } = 3;
    /// <summary>Largest Delta N of one jump.</summary>
    public int MaxCycles { get; init; } = 200;

    /// <summary>Every value outside its range, as (key in [protocol.jump], what was expected).</summary>
    public IEnumerable<(string Key, string Expected)> Problems()
    {
        if (!(Tolerance > 0 && Tolerance < 1)) yield return ("tolerance", "expected a value in (0, 1)");
        if (FirstAfter < 3) yield return ("first_after", "expected at least 3 cycles (the trend and its change need three)");
        if (FullCyclesBetween < 3) yield return ("full_cycles_between", "expected at least 3 cycles (one checks the jump, two more measure the next trend)");
        if (MaxCycles < 2) yield return ("max_cycles", "expected at least 2 cycles");
    }
}
