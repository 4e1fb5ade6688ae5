namespace ModelPipeline.Definitions;

/// <summary>A tag pushed with the image (<c>push.tags</c>).</summary>
public enum ImageTag
{
    /// <summary>The model version, e.g. v7.</summary>
    Version,

    /// <summary>"champion", moved to the newest promoted model.</summary>
    Champion,

    /// <summary>The short git commit the model was built from.</summary>
    GitSha,

    /// <summary>"latest".</summary>
    Latest,
}
