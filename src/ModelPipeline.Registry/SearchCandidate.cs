using System.Text.Json.Serialization;

namespace ModelPipeline.Registry;

/// <summary>One candidate of a <see cref="SearchLeaderboard"/>.</summary>
/// <param name="Index">Its place in the seeded candidate list.</param>
/// <param name="Trainer">The trainer, e.g. <c>gradient_boosting</c> or <c>logistic_regression</c>.</param>
/// <param name="Parameters">The parameters it would be refitted with (all its iterations).</param>
/// <param name="Rung">The last rung it was scored at.</param>
/// <param name="Iterations">Boosting iterations at that rung (null for linear trainers).</param>
/// <param name="Mean">Its CV mean at that rung (NaN when it failed).</param>
/// <param name="StandardDeviation">The spread of its fold scores (population standard deviation).</param>
/// <param name="Work">Work units its fold fits cost.</param>
/// <param name="Seconds">Wall time of its fold fits (informational).</param>
public sealed record SearchCandidate(
    int Index,
    string Trainer,
    IReadOnlyDictionary<string, string> Parameters,
    int Rung,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Iterations,
    double Mean,
    double StandardDeviation,
    long Work,
    double Seconds)
{
    /// <summary>Why it failed, when it did.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
