if (args.Length > 0 && args[0] == "meshing")
    CreepCell.Bench.MeshingBench.Run(args.Length > 1 ? args[1] : null);
else
    Console.WriteLine("usage: CreepCell.Bench meshing [output folder]");
