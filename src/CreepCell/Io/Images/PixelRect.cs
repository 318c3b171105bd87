namespace CreepCell.Io.Images;

/// <summary>An axis-aligned pixel rectangle: top-left corner and size.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public override string ToString() => $"{X},{Y},{Width},{Height}";
}
