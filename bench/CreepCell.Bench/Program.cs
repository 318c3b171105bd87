using CreepCell.Bench;

CreepCell.Graphics.GraphicsSupport.Register();

// Each benchmark is a command: `dotnet run -c Release --project bench/CreepCell.Bench -- <name> [options]`.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["sparse"] = SparseBench.Run,
    ["cycling"] = CyclingBench.Run,
    ["fem"] = FemBench.Run,
    ["kernel"] = KernelBench.Run,
    ["meshing"] = a => { MeshingBench.Run(a.Length > 0 ? a[0] : null); return 0; },
    ["particle-mesh"] = _ => { ParticleMeshBench.Run(); return 0; },
    ["field-map"] = _ => { FieldMapBench.Run(); return 0; },
    ["study"] = StudyBench.Run,
    ["image-rve"] = ImageRveBench.Run,
    ["engine"] = EngineBench.Run,
    ["engine-compare"] = EngineBench.Compare,
    ["sweep"] = SweepBench.Run,
    ["jump"] = JumpBench.Run,
    ["peaks"] = PeaksBench.Run,
    ["tau-slice"] = TauSliceBench.Run,
    ["nlm"] = NlmBench.Run,
    ["iteration-scaling"] = IterationScalingBench.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: CreepCell.Bench <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
return run(args[1..]);
