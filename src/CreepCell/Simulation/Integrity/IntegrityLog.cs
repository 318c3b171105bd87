namespace CreepCell.Simulation.Integrity;

/// <summary>
/// The integrity indicators of a run so far, part of its step state (and so of its checkpoints): one row
/// per evaluation (time first, then the values in the order of <see cref="IntegrityRecorder"/>) and the
/// particle contacts of the last full lithiation, which the next end of charge compares against.
/// </summary>
internal sealed class IntegrityLog
{
    public List<double[]> Rows { get; } = new();
    public long[] ContactsAtFull { get; set; } = Array.Empty<long>();

    /// <summary>A remeshing renumbers the bodies: the contacts of the last full lithiation take the new
    /// numbers (<paramref name="newBody"/>[old body]), so the next charge compares the same particles.</summary>
    public void RenumberBodies(int[] newBody) => ContactsAtFull = ContactLoss.Renumbered(ContactsAtFull, newBody);

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
        return log;
    }
}
