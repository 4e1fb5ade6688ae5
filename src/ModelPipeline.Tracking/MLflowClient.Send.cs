using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.Tracking;

public sealed partial class MLflowClient
{
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellation)
    {
        using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendAsync(method, Api + path, content, cancellation);
    }

    /// <summary>One request; any failure becomes one <see cref="MLflowException"/> line (server, request, status, error_code, message).</summary>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellation)
    {
        var shown = $"{method} /{path.Split('?')[0]}";
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, cancellation);
            text = await response.Content.ReadAsStringAsync(cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new MLflowException(Server, null, null, $"MLflow at {Server} could not be reached ({shown}): {OneLine(e.InnerException?.Message ?? e.Message)}");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new MLflowException(Server, null, null, $"MLflow at {Server} did not answer {shown} within {http.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }

            if (response.IsSuccessStatusCode)
            {
                if (text.Length > 0 && json is not JsonObject)
                {
                    throw new MLflowException(Server, (int)response.StatusCode, null,
                        $"MLflow at {Server} answered {shown} with {(int)response.StatusCode} but not a JSON object ({Excerpt(text)}): is {Server} an MLflow tracking server?");
                }

                return json;
            }

            var errorCode = (json as JsonObject)?["error_code"]?.GetValue<string>();
            var message = (json as JsonObject)?["message"]?.GetValue<string>();
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            var said = errorCode is null && message is null ? Excerpt(text) : $"{errorCode}{(errorCode is null || message is null ? "" : ": ")}{message}";
            var hint = (int)response.StatusCode switch
            {
                401 => " (check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)",
                403 => " (the credentials lack permission on this experiment or model)",
                404 when errorCode is null => " (is the URI the tracking server's root, without /api?)",
                _ => "",
            };
            throw new MLflowException(Server, (int)response.StatusCode, errorCode,
                $"MLflow at {Server} answered {shown} with {status}{(said.Length == 0 ? "" : ": " + OneLine(said))}{hint}");
        }
    }

    private static string Excerpt(string text)
    {
        var line = OneLine(text);
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
