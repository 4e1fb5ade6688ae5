namespace ModelPipeline.Tracking;

/// <summary>
/// How to authenticate to the tracking server, as MLflow's own client reads it: <c>MLFLOW_TRACKING_TOKEN</c> (a bearer
/// token) or <c>MLFLOW_TRACKING_USERNAME</c> and <c>MLFLOW_TRACKING_PASSWORD</c> (basic). The token wins when both are set.
/// </summary>
public sealed record MLflowCredentials(string? Token, string? Username, string? Password)
{
    /// <summary>The Authorization header value, or null for none.</summary>
    internal string? Authorization =>
        !string.IsNullOrEmpty(Token) ? $"Bearer {Token}"
        : !string.IsNullOrEmpty(Username) ? "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}"))
        : null;

    /// <summary>Hides the secrets when a record is printed.</summary>
    public override string ToString() => $"MLflowCredentials {{ Token = {(Token is null ? "" : "***")}, Username = {Username}, Password = {(Password is null ? "" : "***")} }}";
}
