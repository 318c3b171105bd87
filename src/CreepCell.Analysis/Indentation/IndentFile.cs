namespace CreepCell.Analysis.Indentation;

/// <summary>What a reader returns: the indents, the stored settings and indents it could not read (with the reason).</summary>
public sealed record IndentFile(
    string Path,
    IReadOnlyList<IndentTest> Tests,
    InstrumentSettings Settings,
    IReadOnlyList<(string Indent, string Reason)> Skipped);
