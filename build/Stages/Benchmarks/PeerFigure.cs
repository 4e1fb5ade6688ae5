namespace ModelPipeline.Build;

/// <summary>
/// scikit-learn 1.2.1's figure for one data set and model, measured on this project's 2-core machine kind
/// (shared/data/README.md: fixed 80/20 split, random_state=42, stratified for classification).
/// </summary>
internal sealed record PeerFigure(string Trainer, string PeerModel, double Metric, double FitSeconds, double? PredictMsPer1k);
