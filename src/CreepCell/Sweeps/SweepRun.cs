using System.Security.Cryptography;
using System.Text;
using CreepCell.Io;

namespace CreepCell.Sweeps;

/// <summary>One run of a sweep: its id (0-based; its folder is runs/NNNN), the parameter point it belongs
/// to, the values of the swept keys, and the case text it runs (the base case with every edit made).</summary>
public sealed record SweepRun(int Id, int Point, IReadOnlyList<CaseOverride> Values, string CaseText)
{
    public string Folder(string sweepDir) => SweepPlan.RunFolder(sweepDir, Id);
}
