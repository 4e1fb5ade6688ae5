using ModelPipeline.Targets;
using ModelPipeline.Tracking;

namespace ModelPipeline.Build;

/// <summary>MLflow: where Retrain, Evaluate and CompareWithChampion log their runs, and where champions are registered (docs/mlflow.md).</summary>
internal sealed partial class Build
{
    [Parameter("MLflow tracking server (http(s)://host:port) that Retrain, Evaluate and CompareWithChampion log runs to and that registers champions; empty: no MLflow")]
    readonly string? MlflowTrackingUri;

    [Parameter("Bearer token for the MLflow server")]
    [Secret]
    readonly string? MlflowTrackingToken;

    [Parameter("User name for the MLflow server (basic auth, with MLFLOW_TRACKING_PASSWORD)")]
    readonly string? MlflowTrackingUsername;

    [Parameter("Password for the MLflow server (basic auth)")]
    [Secret]
    readonly string? MlflowTrackingPassword;

    [Parameter("Fail when the MLflow server cannot be reached or refuses (default: one warning, the local registry is the record)")]
    readonly bool MlflowRequired;

    MlflowTracking? _mlflow;
    bool _mlflowOpened;

    /// <summary>The MLflow server this run logs to, or null when none is named.</summary>
    MlflowTracking? Mlflow
    {
        get
        {
            if (!_mlflowOpened)
            {
                _mlflowOpened = true;
                _mlflow = MlflowTracking.Create(MlflowTrackingUri,
                    new MLflowCredentials(MlflowTrackingToken, MlflowTrackingUsername, MlflowTrackingPassword), MlflowRequired, Log);
            }

            return _mlflow;
        }
    }
}
