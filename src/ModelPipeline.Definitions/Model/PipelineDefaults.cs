namespace ModelPipeline.Definitions;

/// <summary>Every default of the pipeline YAML, in one place (docs/pipeline-yaml.md lists the same).</summary>
public static class PipelineDefaults
{
    public const string Description = "";
    public const double Holdout = 0.2;
    public const int Seed = 42;
    public const NumericImputation NumericImpute = NumericImputation.Median;
    public const CategoricalImputation CategoricalImpute = CategoricalImputation.MostFrequent;
    public const Scaling Scale = Scaling.Standard;
    public const int MaxCategories = 100;
    public const SearchStrategy Strategy = SearchStrategy.Grid;
    public const int Folds = 5;
    public const int Trials = 20;
    public const double CommandTimeoutSeconds = 3600;
    public const double MaxSeconds = 300;
    public const int Parallelism = 1;

    /// <summary><c>trainer.type: auto</c>'s budget: reference seconds of work (docs/pipeline-yaml.md).</summary>
    public const double AutoMaxSeconds = 60;

    /// <summary><c>trainer.type: auto</c>'s most candidates (<c>search.trials</c>).</summary>
    public const int AutoTrials = 27;

    /// <summary><c>trainer.type: auto</c>'s CV folds.</summary>
    public const int AutoFolds = 5;
    public const double MinImprovement = 0.0;
    public const double MinRelativeImprovement = 0.0;
    public const SignificanceTest Test = SignificanceTest.Bootstrap;
    public const double SignificanceLevel = 0.05;
    public const int Resamples = 1000;
    public const bool FailOnReject = false;
    public const string BaseImage = "";
    public const int Port = 8080;
    public const string Dockerfile = "";
    public const string Registry = "127.0.0.1:5000";
    public const string RepositoryPrefix = "modelpipeline/";
    public static readonly IReadOnlyList<ImageTag> Tags = [ImageTag.Version, ImageTag.Champion, ImageTag.GitSha];
    public const double DriftShare = 0.5;
    public const bool RetrainOnDrift = false;

    /// <summary>Stratify by the label for classification, never for regression.</summary>
    public static bool Stratify(PipelineTask task) => task != PipelineTask.Regression;
}
