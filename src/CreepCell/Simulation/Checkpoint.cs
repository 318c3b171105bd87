using System.IO.Hashing;
using CreepCell.Geometry;
using CreepCell.Io;
using CreepCell.Materials;
using CreepCell.Meshing;

namespace CreepCell.Simulation;

/// <summary>
/// The complete state of a run in one binary file (checkpoint.bin in the output folder), written
/// atomically: the case text, the step state, displacements, the out-of-plane stretch, quadrature states, the mesh of the particles
/// (it changes when bodies are remeshed) and the history so far.
/// Doubles are stored bit for bit, so a resumed run continues exactly as an uninterrupted one. A header
/// with the format version, the payload length and its XxHash64 lets a truncated or damaged file be
/// refused with a clear message instead of being read into a wrong state.
/// </summary>
internal static class Checkpoint
{
    const string Magic = "CREEPCELL-CHECKPOINT";
    const int Version = 9;
    public const string FileName = "checkpoint.bin";

    public static void Write(string outDir, CaseDefinition def, StepState s, double[] u, PointState[] states, Mesh mesh,
        (long[] Coupled, long[] Pending) couplings, bool projectHessian, double stretch = 1, ModelFrame? frame = null)
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
            WritePayload(w, def, s, u, states, mesh, frame ?? ModelFrame.Of(mesh), couplings, projectHessian, stretch);
        var bytes = payload.ToArray();
        AtomicFile.Write(Path.Combine(outDir, FileName), stream =>
        {
            using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(Magic); w.Write(Version);
            w.Write((long)bytes.Length);
            w.Write(XxHash64.HashToUInt64(bytes));
            w.Write(bytes);
        });
    }

    static void WritePayload(BinaryWriter w, CaseDefinition def, StepState s, double[] u, PointState[] states, Mesh mesh, ModelFrame frame,
        (long[] Coupled, long[] Pending) couplings, bool projectHessian, double stretch)
    {
        w.Write(def.Source); w.Write(def.Text); w.Write(def.BaseDirectory);
        w.Write(s.Time); w.Write(s.Step); w.Write(s.NextDt); w.Write(s.PreviousDt); w.Write(s.NewtonIterations); w.Write(s.RemeshedBodies); w.Write(s.RemeshPause);
        WriteMesh(w, mesh);
        frame.Write(w);
        WriteLongs(w, couplings.Coupled);
        WriteLongs(w, couplings.Pending);
        w.Write(projectHessian);
        WriteArray(w, u);
        w.Write(stretch);
        w.Write(states.Length);
        foreach (var p in states)
        {
            w.Write(p.CreepInverse.Xx); w.Write(p.CreepInverse.Yy); w.Write(p.CreepInverse.Xy); w.Write(p.CreepInverse.Zz); w.Write(p.CreepStrain);
            w.Write(p.VolumeRatio);
        }
        w.Write(s.HistoryRows.Count);
        foreach (var row in s.HistoryRows) WriteArray(w, row);
        w.Write(s.FieldFiles.Count);
        foreach (var (t, f) in s.FieldFiles) { w.Write(t); w.Write(f); }
        s.Integrity.Write(w);
        s.Jump.Write(w);
    }

    public sealed record Saved(string Source, string Text, string BaseDirectory, StepState State, double[] U, PointState[] States, Mesh Mesh)
    {
        /// <summary>The contact model's coupled and pending node pairs (<see cref="CreepCell.Contact.ContactModel.CouplingState"/>).</summary>
        public (long[] Coupled, long[] Pending) Couplings { get; init; } = (Array.Empty<long>(), Array.Empty<long>());
        /// <summary>Whether the next step starts with the projected contact Hessian (the last step's last choice).</summary>
        public bool ProjectHessian { get; init; } = true;
        /// <summary>The box, plate lift and contact settings of the model the run was in (<see cref="ModelFrame"/>).</summary>
        public ModelFrame? Frame { get; init; }
        /// <summary>The out-of-plane stretch F33 (1 in plane strain).</summary>
        public double Stretch { get; init; } = 1;
    }

    public static Saved Read(string outDir)
    {
        string path = Path.Combine(outDir, FileName);
        if (!File.Exists(path)) throw new InputException(path, null, "no checkpoint to resume from (expected checkpoint.bin written by an earlier run)");
        byte[] payload = ReadPayload(path);
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload));
            var saved = ReadSaved(r);
            if (r.BaseStream.Position != payload.Length) throw new InvalidDataException("trailing bytes");
            return saved;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or IndexOutOfRangeException or OverflowException or OutOfMemoryException or FormatException)
        {
            throw new InputException(path, null, "the checkpoint's contents are inconsistent although its checksum matches; it cannot be resumed");
        }
    }

    /// <summary>The payload after a header check: magic, version, length and XxHash64.</summary>
    static byte[] ReadPayload(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        try
        {
            if (r.ReadString() != Magic) throw new InputException(path, null, "not a CreepCell checkpoint");
            int version = r.ReadInt32();
            if (version != Version)
                throw new InputException(path, null, $"a checkpoint of format version {version}; this CreepCell reads version {Version} only: run the case again from the start");
            long length = r.ReadInt64();
            ulong hash = r.ReadUInt64();
            if (length < 0 || length != r.BaseStream.Length - r.BaseStream.Position)
                throw new InputException(path, null, "the checkpoint is truncated or damaged (its length does not match its header)");
            var payload = r.ReadBytes((int)length);
            if (XxHash64.HashToUInt64(payload) != hash) throw new InputException(path, null, "the checkpoint is damaged (its checksum does not match)");
            return payload;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            throw new InputException(path, null, "the checkpoint is truncated or damaged (its header cannot be read)");
        }
    }

    static Saved ReadSaved(BinaryReader r)
    {
        string source = r.ReadString(), text = r.ReadString(), baseDir = r.ReadString();
        var s = new StepState { Time = r.ReadDouble(), Step = r.ReadInt32(), NextDt = r.ReadDouble(), PreviousDt = r.ReadDouble(), NewtonIterations = r.ReadInt64(), RemeshedBodies = r.ReadInt32(), RemeshPause = r.ReadInt32() };
        var mesh = ReadMesh(r);
        var frame = ModelFrame.Read(r);
        var couplings = (ReadLongs(r), ReadLongs(r));
        bool projectHessian = r.ReadBoolean();
        var u = ReadArray(r);
        double stretch = r.ReadDouble();
        if (!(stretch > 0) || !double.IsFinite(stretch)) throw new InvalidDataException("out-of-plane stretch");
        var states = new PointState[r.ReadInt32()];
        for (int i = 0; i < states.Length; i++)
            states[i] = new PointState(new SymTensor(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble()), r.ReadDouble(), r.ReadDouble());
        int rows = r.ReadInt32();
        for (int i = 0; i < rows; i++) s.HistoryRows.Add(ReadArray(r));
        int files = r.ReadInt32();
        for (int i = 0; i < files; i++) s.FieldFiles.Add((r.ReadDouble(), r.ReadString()));
        s.Integrity = CreepCell.Simulation.Integrity.IntegrityLog.Read(r);
        s.Jump = CycleJumpState.Read(r);
        return new Saved(source, text, baseDir, s, u, states, mesh) { Couplings = couplings, ProjectHessian = projectHessian, Stretch = stretch, Frame = frame };
    }

    static void WriteMesh(BinaryWriter w, Mesh m)
    {
        WriteArray(w, m.Nodes.SelectMany(p => new[] { p.X, p.Y }).ToArray());
        WriteInts(w, m.Types.Select(t => (int)t).ToArray());
        WriteInts(w, m.Offsets);
        WriteInts(w, m.Connectivity);
        WriteInts(w, m.Region);
        w.Write(m.RegionNames.Length);
        foreach (var name in m.RegionNames) w.Write(name);
        w.Write(m.Boundaries.Count);
        foreach (var set in m.Boundaries)
        {
            w.Write(set.Name);
            w.Write(set.Edges.Length);
            foreach (var edge in set.Edges) WriteInts(w, edge);
        }
    }

    static Mesh ReadMesh(BinaryReader r)
    {
        var xy = ReadArray(r);
        var nodes = Enumerable.Range(0, xy.Length / 2).Select(i => new Vec2(xy[2 * i], xy[2 * i + 1])).ToArray();
        var types = ReadInts(r).Select(t => (ElementType)t).ToArray();
        var offsets = ReadInts(r);
        var connectivity = ReadInts(r);
        var region = ReadInts(r);
        var names = new string[r.ReadInt32()];
        for (int i = 0; i < names.Length; i++) names[i] = r.ReadString();
        var sets = new BoundarySet[r.ReadInt32()];
        for (int i = 0; i < sets.Length; i++)
        {
            string name = r.ReadString();
            var edges = new int[r.ReadInt32()][];
            for (int k = 0; k < edges.Length; k++) edges[k] = ReadInts(r);
            sets[i] = new BoundarySet(name, edges);
        }
        return new Mesh(nodes, types, offsets, connectivity, region, names, sets);
    }

    /// <summary>Length-prefixed arrays of unmanaged values, bit for bit.</summary>
    static void WriteValues<T>(BinaryWriter w, T[] a) where T : unmanaged
    {
        w.Write(a.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
    }

    static T[] ReadValues<T>(BinaryReader r) where T : unmanaged
    {
        var a = new T[r.ReadInt32()];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan());
        if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
        return a;
    }

    static void WriteArray(BinaryWriter w, double[] a) => WriteValues(w, a);
    static double[] ReadArray(BinaryReader r) => ReadValues<double>(r);
    static void WriteInts(BinaryWriter w, int[] a) => WriteValues(w, a);
    static int[] ReadInts(BinaryReader r) => ReadValues<int>(r);
    static void WriteLongs(BinaryWriter w, long[] a) => WriteValues(w, a);
    static long[] ReadLongs(BinaryReader r) => ReadValues<long>(r);
}
