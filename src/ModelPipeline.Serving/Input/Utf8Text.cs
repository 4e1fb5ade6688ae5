using System.Buffers;
using System.Text;

namespace ModelPipeline.Serving.Input;

/// <summary>UTF-8 validation of a request body that may arrive in several segments (a character may span two).</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsValid(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return System.Text.Unicode.Utf8.IsValid(body.FirstSpan);
        }

        var decoder = Strict.GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            foreach (var segment in body)
            {
                var bytes = segment.Span;
                while (!bytes.IsEmpty)
                {
                    decoder.Convert(bytes, chars, flush: false, out var used, out _, out _);
                    bytes = bytes[used..];
                }
            }

            decoder.Convert([], chars, flush: true, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
