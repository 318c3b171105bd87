namespace CreepCell.Io;

/// <summary>One case key set from outside the file: a dotted key ("materials.Se.creep.A",
/// "mesh.inclusions[0].radius") and a TOML value, with the value's text as written.</summary>
public sealed record CaseOverride(string Key, object Value, string Text)
{
    public override string ToString() => $"{Key}={Text}";
}
