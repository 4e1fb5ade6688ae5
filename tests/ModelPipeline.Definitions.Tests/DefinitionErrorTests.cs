namespace ModelPipeline.Definitions.Tests;

/// <summary>Every kind of mistake is reported as file:line:column: key.path: what was expected.</summary>
public sealed class DefinitionErrorTests
{
    [Fact]
    public void Load_UnknownKey_SuggestsNearestKey()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\nsplit: { holdout: 0.3, sede: 7 }\n");

        Assert.Equal(
            "pipelines/x.yaml:7:24: split.sede: unknown key; expected one of holdout, seed, stratify (did you mean 'seed'?)",
            error);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_SuggestsNearestKey()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ntrainr: {}\n");

        Assert.StartsWith("pipelines/x.yaml:7:1: trainr: unknown key; expected one of name, description, task, data,", error);
        Assert.EndsWith("(did you mean 'trainer'?)", error);
    }

    [Fact]
    public void Load_WrongType_SaysWhatWasExpected()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ncontainer:\n  port: eighty\n");

        Assert.Equal("pipelines/x.yaml:8:9: container.port: expected a whole number from 1 to 65535, got 'eighty'", error);
    }

    [Fact]
    public void Load_ListWhereMappingExpected_SaysWhatWasExpected()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\nsplit: [0.2]\n");

        Assert.Equal("pipelines/x.yaml:7:8: split: expected a mapping with holdout, seed, stratify, got a list", error);
    }

    [Fact]
    public void Load_BadEnumValue_ListsValuesAndSuggests()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("logistic_regression", "logistc_regression"));

        Assert.Equal(
            "pipelines/x.yaml:6:9: trainer.type: unknown value 'logistc_regression'; expected one of logistic_regression, "
            + "linear_regression, gradient_boosting, auto, mlnet, onnx_file, command (did you mean 'logistic_regression'?)",
            error);
    }

    [Fact]
    public void Load_MissingRequiredKey_PointsAtOwningKey()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("  label: y\n", ""));

        Assert.Equal("pipelines/x.yaml:2:1: data.label: required key is missing; expected the name of the column to predict", error);
    }

    [Fact]
    public void Load_EmptyRequiredValue_PointsAtTheKey()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("  label: y", "  label:"));

        Assert.Equal("pipelines/x.yaml:4:3: data.label: required value is empty; expected the name of the column to predict", error);
    }

    [Fact]
    public void Load_MissingTask_PointsAtFileStart()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("task: binary\n", ""));

        Assert.Equal("pipelines/x.yaml:1:1: task: required key is missing; expected one of binary, multiclass, regression", error);
    }

    [Fact]
    public void Load_BadThresholdSyntax_ShowsTheForm()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ngate:\n  thresholds: { auc: \"at least 0.8\" }\n");

        Assert.Equal(
            "pipelines/x.yaml:8:22: gate.thresholds.auc: cannot read threshold 'at least 0.8'; "
            + "expected a comparison like \">= 0.8\" (operators >=, >, <=, <)",
            error);
    }

    [Fact]
    public void Load_MetricInvalidForTask_ListsTheTasksMetrics()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ngate:\n  primary_metric: rmse\n");

        Assert.Equal(
            "pipelines/x.yaml:8:19: gate.primary_metric: metric 'rmse' does not apply to task binary; "
            + "expected one of accuracy, precision, recall, f1, auc, auc_pr, log_loss",
            error);
    }

    [Fact]
    public void Load_MisspeltThresholdMetric_PointsAtTheKey()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ngate:\n  thresholds:\n    acu: \">= 0.8\"\n");

        Assert.Equal(
            "pipelines/x.yaml:9:5: gate.thresholds.acu: unknown metric 'acu'; expected one of accuracy, precision, recall, f1, "
            + "auc, auc_pr, log_loss (did you mean 'auc'?)",
            error);
    }

    [Theory]
    [InlineData("0 25 * * 1", "'0 25 * * 1': hour field '25' is out of range or not a number; expected *, a value 0-23, a range a-b, a step */n or a-b/n, or a comma list")]
    [InlineData("0 3 * *", "'0 3 * *' has 4 fields; expected 5 (minute hour day-of-month month day-of-week), e.g. \"0 3 * * 1\"")]
    [InlineData("*/0 3 * * 1", "'*/0 3 * * 1': minute field '*/0' has a bad step; expected *, a value 0-59, a range a-b, a step */n or a-b/n, or a comma list")]
    [InlineData("0 3 31-1 * 1", "'0 3 31-1 * 1': day of month field '31-1' has a range that runs backwards; expected *, a value 1-31, a range a-b, a step */n or a-b/n, or a comma list")]
    [InlineData("0 3 L * *", "'0 3 L * *': day of month field 'L' is out of range or not a number; expected *, a value 1-31, a range a-b, a step */n or a-b/n, or a comma list")]
    public void Load_BadCron_NamesTheField(string cron, string message)
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + $"\nschedule:\n  cron: \"{cron}\"\n");

        Assert.Equal($"pipelines/x.yaml:8:9: schedule.cron: {message}", error);
    }

    [Theory]
    [InlineData("0 3 * * 1")]
    [InlineData("*/15 0-6,22 1 JAN-jun sun")]
    [InlineData("30 2 * * 7")]
    public void Load_ValidCron_IsKept(string cron)
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(PipelineWorkspace.Minimal + $"\nschedule: {{ cron: \"{cron}\" }}\n");

        Assert.Equal(cron, definition.Schedule?.Cron);
    }

    [Fact]
    public void Load_YamlSyntaxError_GivesLineAndColumn()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error("task: binary\ndata:\n  files: [data/x.csv]\n   label: y\n");

        Assert.Equal("pipelines/x.yaml:4:4: YAML syntax error: While parsing a block mapping, did not find expected key.", error);
    }

    [Fact]
    public void Load_UnclosedFlowList_GivesLineAndColumn()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error("task: binary\ndata:\n  files: [data/x.csv\n  label: y\n");

        Assert.Equal("pipelines/x.yaml:3:10: YAML syntax error: cannot parse from here on (is a '[', '{' or quote not closed?)", error);
    }

    [Fact]
    public void Load_DuplicateKey_IsAnError()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ntask: regression\n");

        Assert.StartsWith("pipelines/x.yaml:7:1: YAML syntax error: Duplicate key", error);
    }

    [Fact]
    public void Load_MissingDataFile_PointsAtTheListItem()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("[data/x.csv]", "[data/x.csv, data/nope.csv]"));

        Assert.Equal($"pipelines/x.yaml:3:23: data.files: data file 'data/nope.csv' does not exist (relative to {workspace.Root})", error);
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsAllInFileOrder()
    {
        using var workspace = new PipelineWorkspace();

        var errors = workspace.Errors("""
            task: binery
            data:
              files: [data/x.csv]
              lable: y
            split: { holdout: 1.5 }
            trainer: { type: gradient_boosting }
            """);

        Assert.Equal(
            [
                "pipelines/x.yaml:1:7: task: unknown value 'binery'; expected one of binary, multiclass, regression (did you mean 'binary'?)",
                "pipelines/x.yaml:4:3: data.lable: unknown key; expected one of files, label, positive_class, columns, ignore, missing (did you mean 'label'?)",
                "pipelines/x.yaml:5:19: split.holdout: expected a number between 0 and 1 (exclusive), got '1.5'",
            ],
            errors.Select(e => e.ToString()));
        Assert.Equal(("pipelines/x.yaml", 4, 3, "data.lable"), (errors[1].File, errors[1].Line, errors[1].Column, errors[1].KeyPath));
    }

    [Fact]
    public void Load_TypoOfARequiredKey_IsOneLineNotTwo()
    {
        using var workspace = new PipelineWorkspace();

        var errors = workspace.Errors(PipelineWorkspace.Minimal.Replace("  label: y", "  labl: y", StringComparison.Ordinal));

        var error = Assert.Single(errors);
        Assert.Equal("data.labl", error.KeyPath);
        Assert.EndsWith("(did you mean 'label'?)", error.Message);
    }

    [Fact]
    public void Load_RequiredKeyMissingWithoutATypo_IsStillReported()
    {
        using var workspace = new PipelineWorkspace();

        var errors = workspace.Errors(PipelineWorkspace.Minimal.Replace("  label: y", "  colour: y", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.ToString().EndsWith("data.label: required key is missing; expected the name of the column to predict"));
        Assert.Contains(errors, e => e.KeyPath == "data.colour");
    }

    [Fact]
    public void Load_ContainerImage_SaysThePushRepositoryNamesTheImage()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\ncontainer:\n  image: churn-model\n");

        Assert.Equal(
            "pipelines/x.yaml:8:10: container.image: not a key any more: the image is named <push.registry>/<push.repository>:<version> " +
            "(default repository modelpipeline/x); move the name to push.repository",
            error);
    }

    [Fact]
    public void Load_TrainerUnfitForTask_SaysWhichFit()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal.Replace("binary", "regression"));

        Assert.Equal(
            "pipelines/x.yaml:6:9: trainer.type: logistic_regression cannot learn a regression task; expected linear_regression or gradient_boosting",
            error);
    }

    [Fact]
    public void Load_RangeWithGridSearch_AsksForRandom()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(PipelineWorkspace.Minimal + "\nsearch:\n  space: { l2: { min: 0.1, max: 1 } }\n");

        Assert.Equal(
            "pipelines/x.yaml:8:16: search.space.l2: a {min, max} range needs strategy random; a grid takes a list of values",
            error);
    }
}
