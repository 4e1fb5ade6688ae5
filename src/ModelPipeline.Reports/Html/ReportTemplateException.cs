namespace ModelPipeline.Reports;

/// <summary>A user's report layout template could not be used; the message says why and how to fix it.</summary>
public sealed class ReportTemplateException(string message, Exception? inner = null) : Exception(message, inner);
