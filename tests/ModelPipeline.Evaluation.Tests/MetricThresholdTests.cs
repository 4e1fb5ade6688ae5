namespace ModelPipeline.Evaluation.Tests;

public sealed class MetricThresholdTests
{
    [Theory]
    [InlineData(">=", ThresholdOperator.AtLeast)]
    [InlineData(" > ", ThresholdOperator.Above)]
    [InlineData("<=", ThresholdOperator.AtMost)]
    [InlineData("<", ThresholdOperator.Below)]
    public void ParseOperator_Symbols_Read(string symbol, ThresholdOperator expected)
    {
        Assert.Equal(expected, MetricThreshold.ParseOperator(symbol));
    }

    [Fact]
    public void Parse_ThresholdText_Read()
    {
        Assert.Equal(new MetricThreshold(MetricNames.LogLoss, ThresholdOperator.Below, 0.45), MetricThreshold.Parse("log_loss < 0.45"));
    }

    [Theory]
    [InlineData("auc>=0.8", "is not of the form")]
    [InlineData("aux >= 0.8", "Unknown threshold metric 'aux'")]
    [InlineData("auc => 0.8", "Unknown threshold operator '=>'")]
    public void Parse_BadThresholdText_ThrowsRulesError(string text, string message)
    {
        Assert.Contains(message, Assert.Throws<GateRulesException>(() => MetricThreshold.Parse(text)).Message);
    }

    [Fact]
    public void ParseOperator_Unknown_ThrowsRulesError()
    {
        Assert.Throws<GateRulesException>(() => MetricThreshold.ParseOperator("=>"));
    }
}
