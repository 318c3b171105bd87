using CreepCell.Io;

namespace CreepCell.Analysis;

/// <summary>The header of a BioLogic EC-Lab / BT-Lab text export (.mpt), shared by the cycling and voltammetry readers.</summary>
static class BioLogicHeader
{
    /// <summary>Index of the line with the column names: the export announces its header length on line 2
    /// ("Nb header lines : N"), the names being its last line.</summary>
    public static int LineOfColumnNames(string path, IReadOnlyList<string> lines)
    {
        var nb = lines.Take(5).FirstOrDefault(l => l.StartsWith("Nb header lines", StringComparison.OrdinalIgnoreCase));
        if (nb is null || !int.TryParse(nb[(nb.IndexOf(':') + 1)..].Trim(), out int n) || n < 2)
            throw new InputException(path, "line 2", "expected \"Nb header lines : N\"");
        if (n > lines.Count) throw new InputException(path, "header", $"the export announces {n} header lines but has only {lines.Count} lines (truncated export?)");
        return n - 1;
    }
}
