namespace ModelPipeline.Registry;

/// <summary>A user-facing registry error with a one-line message (unknown version, no champion, lock timeout...).</summary>
public class RegistryException : Exception
{
    /// <summary>Creates the exception with a message that states the problem and, where possible, the fix.</summary>
    public RegistryException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping the low-level cause.</summary>
    public RegistryException(string message, Exception inner) : base(message, inner) { }
}
