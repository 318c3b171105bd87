namespace CreepCell.Analysis.Indentation;

/// <summary>Everything measured on one indent.</summary>
public sealed record IndentResult(
    string Indent, string File, IndentOptions Options, IndentTest Test, IReadOnlyList<UnloadResult> Unloads, IReadOnlyList<CsmPoint> Csm,
    (MeanStd Modulus, MeanStd Hardness)? CsmAverage, RateSensitivity? Rate, HoldCreepResult? Hold)
{
    public PopInResult? PopIn { get; init; }
}
