using System.Text.Json;

namespace ModelPipeline.Registry;

/// <summary>The snake_case spelling used on disk, for showing values the way they are stored.</summary>
internal static class RegistryJsonNames
{
    public static string Trigger(VersionTrigger trigger) => JsonNamingPolicy.SnakeCaseLower.ConvertName(trigger.ToString());
}
