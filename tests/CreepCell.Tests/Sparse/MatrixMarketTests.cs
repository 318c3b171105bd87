using CreepCell.Sparse;

namespace CreepCell.Tests.Sparse;

public class MatrixMarketTests
{
    static string TempFile() => Path.Combine(Path.GetTempPath(), $"creepcell-mm-{Guid.NewGuid():N}.mtx");

    static void AssertSame(CscMatrix a, CscMatrix b)
    {
        Assert.Equal(a.Rows, b.Rows);
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.ColumnPointers, b.ColumnPointers);
        Assert.Equal(a.RowIndices, b.RowIndices);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void SymmetricMatrixRoundTripsExactlyAsLowerTriangle()
    {
        var a = TestMatrices.Elasticity(5, 4);
        string path = TempFile();
        try
        {
            MatrixMarket.Write(path, a);
            var lines = File.ReadAllLines(path);
            Assert.Equal("%%MatrixMarket matrix coordinate real symmetric", lines[0]);
            Assert.Equal($"{a.Rows} {a.Columns} {(a.NonZeros + a.Rows) / 2}", lines[1]);
            AssertSame(a, MatrixMarket.Read(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void GeneralMatrixRoundTrips()
    {
        var b = new TripletBuilder(3, 4);
        b.Add(0, 0, 1.5); b.Add(2, 0, -2.25e-7); b.Add(1, 3, Math.PI); b.Add(1, 3, 1.0);
        var a = b.Build();
        Assert.Equal(Math.PI + 1.0, a.Values[a.IndexOf(1, 3)]);
        string path = TempFile();
        try
        {
            MatrixMarket.Write(path, a);
            Assert.EndsWith("general", File.ReadLines(path).First());
            AssertSame(a, MatrixMarket.Read(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void BadEntryNamesFileAndLine()
    {
        string path = TempFile();
        try
        {
            File.WriteAllText(path, "%%MatrixMarket matrix coordinate real general\n% comment\n2 2 2\n1 1 3.0\n3 1 1.0\n");
            var e = Assert.Throws<InputException>(() => MatrixMarket.Read(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("line 5", e.Message);
        }
        finally { File.Delete(path); }
    }
}
