using CreepCell.Materials;

namespace CreepCell.Simulation;

/// <summary>
/// What cycle jumping carries from step to step and saves in checkpoints: the last cycles computed in
/// full, a jump waiting for its check, the cap on the next jump, and the jumps taken.
/// </summary>
internal sealed class CycleJumpState
{
    /// <summary>The last cycles computed in full (up to <see cref="FittedJumpRule.WindowCycles"/>, from cycle 2 on);
    /// all keep their displacements and point states.</summary>
    public List<CycleSnapshot> Recent = new();
    /// <summary>The snapshot a jump started from, while the cycle after it has not yet checked it.</summary>
    public CycleSnapshot? PendingFrom;
    /// <summary>The watched quantities predicted for the end of the checking cycle.</summary>
    public double[] Predicted = Array.Empty<double>();
    /// <summary>How far from <see cref="Predicted"/> the checking cycle may lie, per watched quantity.</summary>
    public double[] Band = Array.Empty<double>();
    /// <summary>The pairs of particles in contact at the last full lithiation (see <see cref="CycleSnapshot.Pairs"/>).</summary>
    public long[] FullPairs = Array.Empty<long>();
    /// <summary>Sums of squared third differences of the watched quantities over four consecutive cycles, and how
    /// many such fours: the scatter from cycle to cycle that decides between the smooth and the fitted rule.</summary>
    public double[] ThirdSquares = Array.Empty<double>();
    public int Quadruples;
    /// <summary>What the jumping did, a line per jump and per check.</summary>
    public List<string> Log = new();
    /// <summary>Largest Delta N of the next jump (halved after a rejected one).</summary>
    public int Cap = int.MaxValue;
    /// <summary>Jumps taken: from the end of cycle From to the end of cycle To, not computed in between.</summary>
    public List<(int From, int To)> Jumps = new();
    /// <summary>Jumps taken back because the cycle after them disagreed with the extrapolation.</summary>
    public int Rejected;

    public bool Pending => PendingFrom is not null;

    /// <summary>Bit for bit into a checkpoint, so that a resumed run jumps as the uninterrupted one.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Recent.Count);
        foreach (var s in Recent) WriteSnapshot(w, s);
        w.Write(PendingFrom is null ? -1 : Recent.IndexOf(PendingFrom));
        WriteDoubles(w, Predicted);
        WriteDoubles(w, Band);
        WriteLongs(w, FullPairs);
        WriteDoubles(w, ThirdSquares);
        w.Write(Quadruples);
        w.Write(Log.Count);
        foreach (var line in Log) w.Write(line);
        w.Write(Cap);
        w.Write(Jumps.Count);
        foreach (var (from, to) in Jumps) { w.Write(from); w.Write(to); }
        w.Write(Rejected);
    }

    public static CycleJumpState Read(BinaryReader r)
    {
        var j = new CycleJumpState();
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++) j.Recent.Add(ReadSnapshot(r));
        int pending = r.ReadInt32();
        j.PendingFrom = pending >= 0 ? j.Recent[pending] : null;
        j.Predicted = ReadDoubles(r);
        j.Band = ReadDoubles(r);
        j.FullPairs = ReadLongs(r);
        j.ThirdSquares = ReadDoubles(r);
        j.Quadruples = r.ReadInt32();
        int lines = r.ReadInt32();
        for (int i = 0; i < lines; i++) j.Log.Add(r.ReadString());
        j.Cap = r.ReadInt32();
        int jumps = r.ReadInt32();
        for (int i = 0; i < jumps; i++) j.Jumps.Add((r.ReadInt32(), r.ReadInt32()));
        j.Rejected = r.ReadInt32();
        return j;
    }

    static void WriteSnapshot(BinaryWriter w, CycleSnapshot s)
    {
        w.Write(s.Cycle); w.Write(s.Time); w.Write(s.NextDt); w.Write(s.PreviousDt);
        w.Write(s.Step); w.Write(s.HistoryRows); w.Write(s.FieldFiles);
        WriteDoubles(w, s.Watched);
        WriteDoubles(w, s.U);
        w.Write(s.Stretch);
        WriteLongs(w, s.Pairs);
        WriteDoubles(w, s.States.SelectMany(p => new[] { p.CreepInverse.Xx, p.CreepInverse.Yy, p.CreepInverse.Xy, p.CreepInverse.Zz, p.CreepStrain, p.VolumeRatio }).ToArray());
    }

    static CycleSnapshot ReadSnapshot(BinaryReader r)
    {
        var s = new CycleSnapshot
        {
            Cycle = r.ReadInt32(), Time = r.ReadDouble(), NextDt = r.ReadDouble(), PreviousDt = r.ReadDouble(),
            Step = r.ReadInt32(), HistoryRows = r.ReadInt32(), FieldFiles = r.ReadInt32(),
        };
        s.Watched = ReadDoubles(r);
        s.U = ReadDoubles(r);
        s.Stretch = r.ReadDouble();
        s.Pairs = ReadLongs(r);
        var flat = ReadDoubles(r);
        s.States = Enumerable.Range(0, flat.Length / 6).Select(q => new PointState(
            new SymTensor(flat[6 * q], flat[6 * q + 1], flat[6 * q + 2], flat[6 * q + 3]), flat[6 * q + 4], flat[6 * q + 5])).ToArray();
        return s;
    }

    static void WriteDoubles(BinaryWriter w, double[] v)
    {
        w.Write(v.Length);
        foreach (double x in v) w.Write(x);
    }

    static void WriteLongs(BinaryWriter w, long[] v)
    {
        w.Write(v.Length);
        foreach (long x in v) w.Write(x);
    }

    static long[] ReadLongs(BinaryReader r)
    {
        var v = new long[r.ReadInt32()];
        for (int i = 0; i < v.Length; i++) v[i] = r.ReadInt64();
        return v;
    }

    static double[] ReadDoubles(BinaryReader r)
    {
        var v = new double[r.ReadInt32()];
        for (int i = 0; i < v.Length; i++) v[i] = r.ReadDouble();
        return v;
    }
}
