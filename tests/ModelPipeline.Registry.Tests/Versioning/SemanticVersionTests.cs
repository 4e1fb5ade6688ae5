namespace ModelPipeline.Registry.Tests;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.10.0", "1.9.0")]
    [InlineData("2.0.0", "1.99.99")]
    [InlineData("1.0.10", "1.0.9")]
    [InlineData("1.0.0", "1.0.0-rc.1")]
    [InlineData("1.0.0-rc.10", "1.0.0-rc.9")]
    [InlineData("1.0.0-beta", "1.0.0-alpha")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-alpha.1")]
    public void CompareTo_HigherPrecedence_SortsAfter(string higher, string lower)
    {
        Assert.True(SemanticVersion.Parse(higher) > SemanticVersion.Parse(lower));
        Assert.True(SemanticVersion.Parse(lower) < SemanticVersion.Parse(higher));
    }

    [Fact]
    public void Order_NumericParts_SortsNumericallyNotAsText()
    {
        var sorted = new[] { "1.10.0", "1.2.0", "1.9.0", "10.0.0", "2.0.0" }.Select(SemanticVersion.Parse).Order().Select(v => v.ToString());

        Assert.Equal(["1.2.0", "1.9.0", "1.10.0", "2.0.0", "10.0.0"], sorted);
    }

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("1.2.3+build.5", "1.2.3")]
    [InlineData(" 0.0.1 ", "0.0.1")]
    [InlineData("1.2.3-rc.1", "1.2.3-rc.1")]
    public void Parse_ValidText_RoundTrips(string text, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(text).ToString());

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.a.3")]
    [InlineData("champion")]
    [InlineData("1.2.3-")]
    [InlineData("")]
    public void Parse_InvalidText_ThrowsClearMessage(string text)
    {
        var e = Assert.Throws<RegistryException>(() => SemanticVersion.Parse(text));
        Assert.Contains("MAJOR.MINOR.PATCH", e.Message);
    }

    [Fact]
    public void Next_EachPart_ResetsLowerParts()
    {
        var v = SemanticVersion.Parse("1.4.7");

        Assert.Equal("2.0.0", v.NextMajor().ToString());
        Assert.Equal("1.5.0", v.NextMinor().ToString());
        Assert.Equal("1.4.8", v.NextPatch().ToString());
    }
}
