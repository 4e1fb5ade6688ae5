namespace ModelPipeline.Build;

/// <summary>
/// artifacts/&lt;pipeline&gt;/mlflow.json: the MLflow experiment and the runs this pipeline run logged so far, by stage
/// (<c>retrain</c>, <c>evaluate</c>), so that a later target, in this process or another, adds to the same experiment and
/// tags the same runs.
/// </summary>
internal sealed record MlflowRecord(string Server, string ExperimentId, IReadOnlyDictionary<string, string> Runs);
