namespace ModelPipeline.Monitoring;

/// <summary>A monitoring input the user must fix (missing profile, wrong column kind, unreadable log line); one-line message.</summary>
public sealed class MonitoringException(string message) : Exception(message);
