namespace CreepCell.Simulation;

/// <summary>The paper study: its comparison rows, the claims checked, the seeds and the remeshing angle.</summary>
public sealed record StudyResult(IReadOnlyList<StudyRow> Rows, IReadOnlyList<StudyClaim> Claims, IReadOnlyList<int>? Seeds, double RemeshAngle = 0)
{
    public string Markdown() => PaperStudy.Markdown(this);
}
