namespace CreepCell.Simulation;

/// <summary>The [output] table: folder, field and checkpoint intervals, VTU encoding.</summary>
public sealed record OutputSpec(string Dir, int FieldsEvery, int CheckpointEvery = 50, double CheckpointMinutes = 5)
{
    /// <summary>Encoding of the VTU field files ([output] vtu = "binary" or "ascii").</summary>
    public CreepCell.Io.VtuEncoding Vtu { get; init; } = CreepCell.Io.VtuEncoding.Binary;
}
