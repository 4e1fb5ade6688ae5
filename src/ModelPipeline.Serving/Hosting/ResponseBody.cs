using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace ModelPipeline.Serving.Hosting;

/// <summary>
/// Writes a whole response at once with its Content-Length (no chunking): the body is produced synchronously into a
/// per-thread buffer, copied to the response pipe, then flushed.
/// </summary>
internal static class ResponseBody
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static Task WriteAsync(HttpContext context, int status, string contentType, Action<IBufferWriter<byte>> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        write(buffer);
        return WriteAsync(context, status, contentType, buffer.WrittenSpan);
    }

    public static Task WriteAsync(HttpContext context, int status, string contentType, ReadOnlySpan<byte> body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        var pipe = response.BodyWriter;
        body.CopyTo(pipe.GetSpan(body.Length));
        pipe.Advance(body.Length);
        var flush = pipe.FlushAsync();
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }
}
