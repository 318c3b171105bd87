namespace CreepCell.Sweeps;

/// <summary>A column of numbers (null where there is no value) or of text.</summary>
public sealed record TableColumn(string Name, double?[]? Numbers, string?[]? Text)
{
    public static TableColumn Of(string name, IEnumerable<double?> values) => new(name, values.Select(v => v is double d && double.IsFinite(d) ? v : null).ToArray(), null);
    public static TableColumn Of(string name, IEnumerable<string?> values) => new(name, null, values.ToArray());
    public int Length => Numbers?.Length ?? Text!.Length;
}
