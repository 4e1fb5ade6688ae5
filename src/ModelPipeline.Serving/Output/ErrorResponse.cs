using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelPipeline.Serving.Output;

/// <summary>MLflow's error body: <c>{"error_code": "BAD_REQUEST", "message": "..."}</c> (quotes and apostrophes left readable).</summary>
internal static class ErrorResponse
{
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("error_code");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");

    public static void Write(IBufferWriter<byte> output, string errorCode, string message)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString(CodeName, errorCode);
        writer.WriteString(MessageName, message);
        writer.WriteEndObject();
    }
}
