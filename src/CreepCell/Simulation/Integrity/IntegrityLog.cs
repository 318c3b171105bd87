namespace CreepCell.Simulation.Integrity;

/// <summary>
/// The integrity indicators of a run so far, part of its step state (and so of its checkpoints): one row
/// per evaluation (time first, then the values in the order of <see cref="IntegrityRecorder"/>) and the
/// particle contacts of the last full lithiation, which the next end of charge compares against.
/// </summary>
public sealed class IntegrityLog
{
    public List<double[]> Rows { get; } = new();
    public long[] ContactsAtFull { get; set; } = Array.Empty<long>();
    /// <summary>Bodies remeshed by the time of the last full lithiation: a remeshing renumbers the bodies,
    /// so the contacts of a charge after one cannot be compared with those of full lithiation.</summary>
    public int RemeshedAtFull { get; set; }

    public void Write(BinaryWriter w)
    {
        w.Write(Rows.Count);
        foreach (var row in Rows)
        {
            w.Write(row.Length);
            foreach (double v in row) w.Write(v);
        }
        w.Write(ContactsAtFull.Length);
        foreach (long k in ContactsAtFull) w.Write(k);
        w.Write(RemeshedAtFull);
    }

    public static IntegrityLog Read(BinaryReader r)
    {
        var log = new IntegrityLog();
        int rows = r.ReadInt32();
        for (int i = 0; i < rows; i++)
        {
            var row = new double[r.ReadInt32()];
            for (int j = 0; j < row.Length; j++) row[j] = r.ReadDouble();
            log.Rows.Add(row);
        }
        var keys = new long[r.ReadInt32()];
        for (int i = 0; i < keys.Length; i++) keys[i] = r.ReadInt64();
        log.ContactsAtFull = keys;
        log.RemeshedAtFull = r.ReadInt32();
        return log;
    }
}
