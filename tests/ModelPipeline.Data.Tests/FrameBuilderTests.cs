using System.Text.Json;

namespace ModelPipeline.Data.Tests;

public sealed class FrameBuilderTests
{
    private static readonly FieldSchema[] Schema =
    [
        new("tenure", ColumnKind.Numeric),
        new("paperless", ColumnKind.Boolean),
        new("contract", ColumnKind.Categorical, ["Month-to-month", "One year", "Two year"]),
    ];

    private static Frame FromJson(string json) => new FrameBuilder(Schema).Build(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Build_JsonRows_ConvertsEachKind()
    {
        var frame = FromJson("""
            [ { "tenure": 12, "paperless": true, "contract": "One year" },
              { "tenure": "3.5", "paperless": "no", "contract": "Two year" },
              { "tenure": null, "paperless": 1 } ]
            """);

        Assert.Equal(3, frame.RowCount);
        Assert.Equal([12, 3.5, double.NaN], frame["tenure"].Numbers!);
        Assert.Equal([1.0, 0, 1], frame["paperless"].Numbers!);
        Assert.Equal([1, 2, -1], frame["contract"].Codes!);
        Assert.Equal(ColumnKind.Boolean, frame["paperless"].Kind);
    }

    [Fact]
    public void Build_UnknownLevel_GetsCodeBeyondKnownCategories()
    {
        var frame = FromJson("""[{ "contract": "Weekly" }, { "contract": "One year" }, { "contract": "Weekly" }]""");

        var contract = frame["contract"];
        Assert.Equal([3, 1, 3], contract.Codes!);
        Assert.Equal("Weekly", contract.GetText(0));
        Assert.True(FrameBuilder.IsUnknownLevel(3, Schema[2]));
        Assert.False(FrameBuilder.IsUnknownLevel(2, Schema[2]));
    }

    [Fact]
    public void Build_TextInNumericColumn_NamesRowAndColumn()
    {
        var failure = Assert.Throws<FrameInputException>(() => FromJson("""[{ "tenure": 1 }, { "tenure": "twelve" }]"""));

        Assert.Equal("row 1, column 'tenure': expected a number, got \"twelve\"", failure.Message);
        Assert.Equal((1, "tenure"), (failure.Row, failure.ColumnName));
    }

    [Fact]
    public void Build_ObjectValue_IsRejected()
    {
        var failure = Assert.Throws<FrameInputException>(() => FromJson("""[{ "contract": { "x": 1 } }]"""));

        Assert.Equal("row 0, column 'contract': expected a single value, got an object", failure.Message);
    }

    [Fact]
    public void Build_BadBoolean_NamesRowAndColumn()
    {
        var failure = Assert.Throws<FrameInputException>(() => FromJson("""[{ "paperless": 2 }]"""));

        Assert.Equal("row 0, column 'paperless': expected true/false (or 1/0, yes/no), got 2", failure.Message);
    }

    [Fact]
    public void Build_UnknownKey_IgnoredUnlessRejected()
    {
        var rows = new[] { new Dictionary<string, object?> { ["tenure"] = 1, ["customer_id"] = "x" } };

        Assert.Equal(1, new FrameBuilder(Schema).Build(rows).RowCount);
        var failure = Assert.Throws<FrameInputException>(() => new FrameBuilder(Schema) { RejectUnknownColumns = true }.Build(rows));
        Assert.StartsWith("row 0, column 'customer_id': no such input column", failure.Message);
    }

    [Fact]
    public void Build_SchemaOfTrainingFrame_ReusesItsCodes()
    {
        var training = CsvFrameReader.Read(TestData.PathOf("churn.csv"));
        var builder = new FrameBuilder(FieldSchema.Of(training));

        var frame = builder.Build([new Dictionary<string, object?> { ["contract"] = "Two year", ["tenure"] = 5.0 }]);

        Assert.Equal(training["contract"].Categories.ToList().IndexOf("Two year"), frame["contract"].Codes![0]);
        Assert.Equal(training.Columns.Count, frame.Columns.Count);
    }
}
