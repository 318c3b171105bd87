using CreepCell.Simulation;

namespace CreepCell.Tests.Simulation;

public class SeedListTests
{
    [Theory]
    [InlineData("1,2,3", new[] { 1, 2, 3 })]
    [InlineData("1-5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData(" 0-2 , 7 ", new[] { 0, 1, 2, 7 })]
    public void ListsAndRangesExpandInOrder(string text, int[] expected) =>
        Assert.Equal(expected, SeedList.Parse(text, "--seeds"));

    [Theory]
    [InlineData("", "expected seeds")]
    [InlineData("1,,2", "expected seeds")]
    [InlineData("a", "expected seeds")]
    [InlineData("-2", "expected seeds")]
    [InlineData("1-2-3", "expected seeds")]
    [InlineData("1.5", "expected seeds")]
    [InlineData("5-3", "runs backwards")]
    [InlineData("1-3,2", "seed 2 is given twice")]
    public void BadListsNameTheOptionAndWhatIsWrong(string text, string message)
    {
        var e = Assert.Throws<InputException>(() => SeedList.Parse(text, "--seeds"));
        Assert.Contains("--seeds", e.Message);
        Assert.Contains(message, e.Message);
    }
}
