using CreepCell.Materials;
using CreepCell.Simulation;

namespace CreepCell.Io;

/// <summary>
/// The complete state of a run in one binary file (checkpoint.bin in the output folder), written
/// atomically: the case text, the step state, displacements, quadrature states and the history so far.
/// Doubles are stored bit for bit, so a resumed run continues exactly as an uninterrupted one.
/// </summary>
public static class Checkpoint
{
    const string Magic = "CREEPCELL-CHECKPOINT";
    const int Version = 1;
    public const string FileName = "checkpoint.bin";

    public static void Write(string outDir, CaseDefinition def, StepState s, double[] u, PointState[] states)
    {
        AtomicFile.Write(Path.Combine(outDir, FileName), stream =>
        {
            using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(Magic); w.Write(Version);
            w.Write(def.Source); w.Write(def.Text); w.Write(def.BaseDirectory);
            w.Write(s.Time); w.Write(s.Step); w.Write(s.NextDt); w.Write(s.PreviousDt); w.Write(s.NewtonIterations);
            WriteArray(w, u);
            WriteArray(w, s.PreviousU);
            w.Write(states.Length);
            foreach (var p in states)
            {
                w.Write(p.CreepInverse.Xx); w.Write(p.CreepInverse.Yy); w.Write(p.CreepInverse.Xy); w.Write(p.CreepInverse.Zz); w.Write(p.CreepStrain);
            }
            w.Write(s.HistoryRows.Count);
            foreach (var row in s.HistoryRows) WriteArray(w, row);
            w.Write(s.FieldFiles.Count);
            foreach (var (t, f) in s.FieldFiles) { w.Write(t); w.Write(f); }
        });
    }

    public sealed record Saved(string Source, string Text, string BaseDirectory, StepState State, double[] U, PointState[] States);

    public static Saved Read(string outDir)
    {
        string path = Path.Combine(outDir, FileName);
        if (!File.Exists(path)) throw new InputException(path, null, "no checkpoint to resume from (expected checkpoint.bin written by an earlier run)");
        try
        {
            using var r = new BinaryReader(File.OpenRead(path));
            if (r.ReadString() != Magic || r.ReadInt32() != Version) throw new InputException(path, null, "not a CreepCell checkpoint of this version");
            string source = r.ReadString(), text = r.ReadString(), baseDir = r.ReadString();
            var s = new StepState { Time = r.ReadDouble(), Step = r.ReadInt32(), NextDt = r.ReadDouble(), PreviousDt = r.ReadDouble(), NewtonIterations = r.ReadInt64() };
            var u = ReadArray(r);
            s.PreviousU = ReadArray(r);
            var states = new PointState[r.ReadInt32()];
            for (int i = 0; i < states.Length; i++)
                states[i] = new PointState(new SymTensor(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()), r.ReadDouble());
            int rows = r.ReadInt32();
            for (int i = 0; i < rows; i++) s.HistoryRows.Add(ReadArray(r));
            int files = r.ReadInt32();
            for (int i = 0; i < files; i++) s.FieldFiles.Add((r.ReadDouble(), r.ReadString()));
            return new Saved(source, text, baseDir, s, u, states);
        }
        catch (EndOfStreamException)
        {
            throw new InputException(path, null, "checkpoint is truncated");
        }
    }

    static void WriteArray(BinaryWriter w, double[] a)
    {
        w.Write(a.Length);
        foreach (double v in a) w.Write(v);
    }

    static double[] ReadArray(BinaryReader r)
    {
        var a = new double[r.ReadInt32()];
        for (int i = 0; i < a.Length; i++) a[i] = r.ReadDouble();
        return a;
    }
}
