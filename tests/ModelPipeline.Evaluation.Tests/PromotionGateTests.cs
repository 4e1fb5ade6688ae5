namespace ModelPipeline.Evaluation.Tests;

public sealed partial class PromotionGateTests
{
    [Fact]
    public void Decide_NoChampionThresholdsPass_PromotesAsFirstModel()
    {
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            Thresholds = [new MetricThreshold(MetricNames.Auc, ThresholdOperator.AtLeast, 0.80)],
        });

        var decision = gate.Decide(Models.ChurnLogreg(), champion: null);

        Assert.True(decision.Promote);
        Assert.True(decision.FirstModel);
        Assert.Null(decision.ChampionValue);
        Assert.Equal("first model: no champion to compare with; thresholds pass (auc 0.8419 meets >= 0.8000)", decision.Verdict);
    }

    [Fact]
    public void Decide_NoChampionThresholdFails_RejectsAndSaysWhich()
    {
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            Thresholds =
            [
                new MetricThreshold(MetricNames.Auc, ThresholdOperator.Above, 0.80),
                new MetricThreshold(MetricNames.F1, ThresholdOperator.AtLeast, 0.55),
            ],
        });

        var decision = gate.Decide(Models.ChurnWeak(), champion: null);

        Assert.False(decision.Promote);
        Assert.True(decision.FirstModel);
        Assert.Equal("rejected: first model: no champion to compare with; thresholds fail: f1 0.4969 fails >= 0.5500", decision.Verdict);
        Assert.Equal([true, false], decision.Checks.Select(c => c.Passed));
    }

    [Fact]
    public void Decide_NoChampionNoThresholds_Promotes()
    {
        var decision = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc }).Decide(Models.ChurnWeak(), null);

        Assert.True(decision.Promote);
        Assert.StartsWith("first model: no champion to compare with; thresholds pass", decision.Verdict);
    }

    [Fact]
    public void Decide_GainAboveMinimum_Promotes()
    {
        var gate = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc, MinImprovement = 0.005 });

        var decision = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        Assert.True(decision.Promote);
        Assert.False(decision.FirstModel);
        Assert.Equal("promoted: auc 0.8419 vs champion 0.8101 (+0.0318), needs >= +0.0050", decision.Verdict);
        Assert.Equal(0.0317549, decision.Improvement!.Value, 6);
    }

    [Fact]
    public void Decide_GainBelowMinimum_RejectsWithFigures()
    {
        var gate = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc, MinImprovement = 0.05 });

        var decision = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        Assert.False(decision.Promote);
        Assert.Equal("rejected: auc 0.8419 vs champion 0.8101 (+0.0318), needs >= +0.0500", decision.Verdict);
    }

    [Fact]
    public void Decide_WorseChallengerWithGuard_RejectsAndSpellsOutEveryCheck()
    {
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            MinImprovement = 0.005,
            Guards = new Dictionary<string, double> { [MetricNames.F1] = 0.02 },
        });

        var decision = gate.Decide(Models.ChurnWeak(), Models.ChurnLogreg());

        Assert.False(decision.Promote);
        Assert.Equal(
            "rejected: auc 0.8101 vs champion 0.8419 (-0.0318), needs >= +0.0050; f1 guard broken (0.4969 vs 0.6040, dropped 0.1072, may drop 0.0200)",
            decision.Verdict);
    }

    [Fact]
    public void Decide_EqualPrimaryAndNoMinimum_RejectsBecauseATieIsNoGain()
    {
        var decision = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc }).Decide(Models.ChurnLogreg(), Models.ChurnLogreg());

        Assert.False(decision.Promote);
        Assert.Equal("rejected: auc 0.8419 vs champion 0.8419 (+0.0000), needs > 0", decision.Verdict);
    }

    [Fact]
    public void Decide_RelativeImprovement_BarIsAFractionOfTheChampion()
    {
        var lenient = new GateRules { PrimaryMetric = MetricNames.Auc, MinRelativeImprovement = 0.03 };
        var strict = lenient with { MinRelativeImprovement = 0.05 };

        var passes = new PromotionGate(lenient).Decide(Models.ChurnLogreg(), Models.ChurnWeak());
        var fails = new PromotionGate(strict).Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        // 0.0318 / 0.8101 = +3.92%
        Assert.True(passes.Promote);
        Assert.False(fails.Promote);
        Assert.Contains("auc relative gain +3.92%, needs >= +5.00%", fails.Verdict);
    }

    [Fact]
    public void Decide_PrimaryImprovesButGuardRegresses_Rejects()
    {
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            Guards = new Dictionary<string, double> { [MetricNames.LogLoss] = 0.01, [MetricNames.Accuracy] = 0.05 },
        });

        var decision = gate.Decide(Models.ChurnLogregUnsure(), Models.ChurnWeak());

        Assert.False(decision.Promote);
        Assert.True(decision.Checks.Single(c => c.Name == "improvement auc").Passed);
        var guard = decision.Checks.Single(c => c.Name == "guard log_loss");
        Assert.False(guard.Passed);
        Assert.Matches(@"^log_loss guard broken \(0\.\d{4} vs 0\.4516, rose 0\.\d{4}, may rise 0\.0100\)$", guard.Detail);
        Assert.True(decision.Checks.Single(c => c.Name == "guard accuracy").Passed);
    }

    [Fact]
    public void Decide_LowerIsBetterPrimary_LowerLogLossWins()
    {
        var rules = new GateRules { PrimaryMetric = MetricNames.LogLoss, MinImprovement = 0.01 };

        var better = new PromotionGate(rules).Decide(Models.ChurnLogreg(), Models.ChurnWeak());
        var worse = new PromotionGate(rules).Decide(Models.ChurnWeak(), Models.ChurnLogreg());

        Assert.True(better.Promote);
        Assert.Equal("promoted: log_loss 0.4206 vs champion 0.4516 (-0.0311), needs <= -0.0100", better.Verdict);
        Assert.False(worse.Promote);
        Assert.True(worse.Improvement < 0);
    }

    [Fact]
    public void Decide_RegressionRmse_SmallerErrorWinsAndMaeGuardRespected()
    {
        var rules = new GateRules
        {
            PrimaryMetric = MetricNames.Rmse,
            MinImprovement = 0.5,
            Guards = new Dictionary<string, double> { [MetricNames.Mae] = 0.0 },
            Thresholds = [new MetricThreshold(MetricNames.R2, ThresholdOperator.AtLeast, 0.4)],
        };

        var decision = new PromotionGate(rules).Decide(Models.Diabetes(noise: 0), Models.Diabetes(noise: 20));

        Assert.True(decision.Promote, decision.Verdict);
        Assert.StartsWith("promoted: rmse 53.7775 vs champion ", decision.Verdict);
        Assert.Contains("mae guard ok", decision.Verdict);
        Assert.Contains("r2 0.4541 meets >= 0.4000", decision.Verdict);
    }

    [Fact]
    public void Decide_ThresholdFailsEvenThoughChallengerBeatsChampion_Rejects()
    {
        var gate = new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            Thresholds = [new MetricThreshold(MetricNames.Recall, ThresholdOperator.AtLeast, 0.6)],
        });

        var decision = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        Assert.False(decision.Promote);
        Assert.EndsWith("recall 0.5588 fails >= 0.6000", decision.Verdict);
    }

    [Fact]
    public void Decide_ChampionScoredOnOtherRows_ThrowsClearMessage()
    {
        var champion = Models.ChurnLogreg();
        var (labels, scores) = Fixture.Binary("hand_binary");
        var challenger = ModelEvaluator.ScoreBinary(labels, scores, ["stays", "churns"]);

        var error = Assert.Throws<EvaluationException>(() => new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc }).Decide(challenger, champion));

        Assert.Contains("not scored on the same holdout rows", error.Message);
    }

    [Fact]
    public void Constructor_DeLongWithAccuracy_ThrowsRulesError()
    {
        var error = Assert.Throws<GateRulesException>(() => new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Accuracy,
            Significance = new SignificanceRule(SignificanceTest.DeLong),
        }));

        Assert.Equal("The delong test compares AUCs; the primary metric is 'accuracy'. Use bootstrap.", error.Message);
    }

    [Fact]
    public void Constructor_AlphaLooksLikeConfidenceLevel_ThrowsRulesError()
    {
        var error = Assert.Throws<GateRulesException>(() => new PromotionGate(new GateRules
        {
            PrimaryMetric = MetricNames.Auc,
            Significance = new SignificanceRule(SignificanceTest.DeLong, Alpha: 0.95),
        }));

        Assert.StartsWith("Significance level alpha 0.95 must be above 0 and at most 0.5", error.Message);
    }

    [Fact]
    public void Constructor_UnknownMetric_ThrowsRulesError()
    {
        var error = Assert.Throws<GateRulesException>(() => new PromotionGate(new GateRules { PrimaryMetric = "aucc" }));

        Assert.StartsWith("Unknown primary metric 'aucc'. Available: accuracy, precision", error.Message);
    }

    [Fact]
    public void Decide_PrimaryMetricOfAnotherTask_ThrowsRulesError()
    {
        var error = Assert.Throws<GateRulesException>(() => new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Rmse }).Decide(Models.ChurnLogreg(), null));

        Assert.StartsWith("The primary metric 'rmse' does not apply to a binary model", error.Message);
    }

    [Fact]
    public void Decide_ChampionWithOtherClasses_ThrowsClearMessage()
    {
        var (labels, scores) = Fixture.Binary("churn");
        var champion = ModelEvaluator.ScoreBinary(labels, scores, ["no", "yes"]);

        var error = Assert.Throws<EvaluationException>(() => new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc }).Decide(Models.ChurnLogreg(), champion));

        Assert.Equal("Champion and challenger predict different classes ([no, yes] vs [stays, churns]); they cannot be compared row by row.", error.Message);
    }
}
