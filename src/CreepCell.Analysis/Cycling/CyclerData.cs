namespace CreepCell.Analysis.Cycling;

/// <summary>Records read from one cycler export, with the format that was recognised.</summary>
public sealed record CyclerData(string Source, string Format, IReadOnlyList<CyclerRecord> Records, IReadOnlyList<TesterCycleSummary> TesterSummary)
{
    /// <summary>True when the export numbers its cycles (more than one distinct cycle index).</summary>
    public bool HasCycleIndex => Records.Count > 0 && Records.Any(r => r.Cycle != Records[0].Cycle);
}
