namespace CreepCell.Simulation;

/// <summary>The paper study: its comparison rows, the claims checked, the seeds, the remeshing angle
/// and the runs that did not finish.</summary>
public sealed record StudyResult(IReadOnlyList<StudyRow> Rows, IReadOnlyList<StudyClaim> Claims, IReadOnlyList<int>? Seeds, double RemeshAngle = 0)
{
    /// <summary>Runs that stopped early or are not finished, each as "NAME: why".</summary>
    public IReadOnlyList<string> Stops { get; init; } = Array.Empty<string>();

    public string Markdown() => PaperStudy.Markdown(this);
}
