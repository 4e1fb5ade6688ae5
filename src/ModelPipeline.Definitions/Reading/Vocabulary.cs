namespace ModelPipeline.Definitions.Reading;

/// <summary>The YAML spelling of every enum value, in the order messages list them.</summary>
internal static class Vocabulary
{
    public static readonly (string Name, PipelineTask Value)[] Tasks =
        [("binary", PipelineTask.Binary), ("multiclass", PipelineTask.Multiclass), ("regression", PipelineTask.Regression)];

    public static readonly (string Name, DeclaredKind Value)[] Kinds =
        [("numeric", DeclaredKind.Numeric), ("categorical", DeclaredKind.Categorical), ("boolean", DeclaredKind.Boolean)];

    public static readonly (string Name, NumericImputation Value)[] NumericImputations =
    [
        ("mean", NumericImputation.Mean), ("median", NumericImputation.Median),
        ("most_frequent", NumericImputation.MostFrequent), ("zero", NumericImputation.Zero),
    ];

    public static readonly (string Name, CategoricalImputation Value)[] CategoricalImputations =
        [("most_frequent", CategoricalImputation.MostFrequent), ("unknown", CategoricalImputation.Unknown)];

    public static readonly (string Name, Scaling Value)[] Scalings =
        [("none", Scaling.None), ("standard", Scaling.Standard), ("minmax", Scaling.MinMax)];

    public static readonly (string Name, TrainerType Value)[] Trainers =
    [
        ("logistic_regression", TrainerType.LogisticRegression), ("linear_regression", TrainerType.LinearRegression),
        ("gradient_boosting", TrainerType.GradientBoosting), ("auto", TrainerType.Auto), ("mlnet", TrainerType.MLNet),
        ("onnx_file", TrainerType.OnnxFile), ("command", TrainerType.Command),
    ];

    public static readonly (string Name, SearchStrategy Value)[] Strategies =
        [("grid", SearchStrategy.Grid), ("random", SearchStrategy.Random)];

    public static readonly (string Name, SignificanceTest Value)[] Tests =
        [("bootstrap", SignificanceTest.Bootstrap), ("delong", SignificanceTest.Delong), ("mcnemar", SignificanceTest.Mcnemar)];

    public static readonly (string Name, ImageTag Value)[] Tags =
    [
        ("version", ImageTag.Version), ("champion", ImageTag.Champion), ("git_sha", ImageTag.GitSha), ("latest", ImageTag.Latest),
    ];

    public static readonly (string Name, DriftMethod Value)[] DriftMethods =
    [
        ("ks", DriftMethod.Ks), ("chi2", DriftMethod.Chi2), ("psi", DriftMethod.Psi),
        ("wasserstein", DriftMethod.Wasserstein), ("jensen_shannon", DriftMethod.JensenShannon),
    ];

    public static string NameOf<T>((string Name, T Value)[] vocabulary, T value)
        where T : struct, Enum =>
        vocabulary.First(v => EqualityComparer<T>.Default.Equals(v.Value, value)).Name;
}
