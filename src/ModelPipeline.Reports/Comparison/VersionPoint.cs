namespace ModelPipeline.Reports;

/// <summary>The primary metric of one registered model version.</summary>
/// <param name="Version">Version label, e.g. "1.2.0".</param>
/// <param name="Value">Primary metric value on that version's holdout.</param>
/// <param name="IsChampion">
/// True for the version the champion alias points at (highlighted). If several are flagged (e.g. the old champion
/// and a just-promoted challenger), the newest is drawn as the champion and the others as former champions.
/// </param>
public sealed record VersionPoint(string Version, double Value, bool IsChampion);
