using System.Text.Json;

namespace ModelPipeline.Serving.Input;

/// <summary>The <c>params</c> member of a JSON scoring request (MLflow's inference parameters): only <c>explain</c> is read.</summary>
internal static class InferenceParams
{
    /// <summary><c>params.explain</c>: absent or false = no attributions; true = attributions; anything else is refused.</summary>
    public static bool Explain(JsonElement parameters)
    {
        if (parameters.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw ScoringInputException.BadRequest($"'params' must be an object of inference parameters, e.g. {{\"explain\": true}}; got a {parameters.ValueKind.ToString().ToLowerInvariant()}.");
        }

        if (!parameters.TryGetProperty("explain", out var explain))
        {
            return false;
        }

        return explain.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw ScoringInputException.Invalid($"'params.explain' must be true or false; got {explain.GetRawText()}."),
        };
    }
}
