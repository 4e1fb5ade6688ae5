namespace ModelPipeline.Tracking;

/// <summary>A run created on the tracking server.</summary>
/// <param name="RunId">MLflow's <c>run_id</c>.</param>
/// <param name="ExperimentId">The experiment it belongs to.</param>
/// <param name="ArtifactUri">Where its artifacts live, e.g. <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c>.</param>
public sealed record MLflowRun(string RunId, string ExperimentId, string ArtifactUri);
